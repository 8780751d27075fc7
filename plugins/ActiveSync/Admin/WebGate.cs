using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Who may see a web page and send its forms: a signed-in account (session or Basic), an administrator
/// for the console. Not signed in: to the sign-in page. Forms are checked against forgery before they act;
/// their outcome comes back as a redirect with a message.
/// </summary>
internal static class WebGate
{
    public static readonly IReadOnlyList<(string Href, string Text)> ConsoleNavigation =
    [
        ("/admin/devices", "Devices"), ("/admin/rules", "Rules"), ("/admin/policy?level=server", "Policies"),
        ("/admin/device-settings?level=server", "Device settings"), ("/admin/logs", "Protocol logs"), ("/self-service", "My devices"),
    ];

    public static readonly IReadOnlyList<(string Href, string Text)> SelfServiceNavigation = [("/self-service", "My devices")];

    public static Task<IResult> PageAsync(HttpContext http, bool admin, Func<Account, Task<IResult>> render) =>
        GuardAsync(http, admin, async account => await render(account));

    /// <summary>Runs a form's action; the action returns the message shown after the redirect to <paramref name="back"/>.</summary>
    public static Task<IResult> ActionAsync(HttpContext http, bool admin, string back, Func<Account, IFormCollection, Task<string>> act) =>
        GuardAsync(http, admin, async account =>
        {
            if (!http.Request.HasFormContentType)
            {
                return Results.BadRequest();
            }

            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return new HtmlPage(http, "Refused").Heading("Refused").Paragraph("The form is out of date or did not come from this site. Go back, reload the page and try again.")
                    .Result(admin ? ConsoleNavigation : SelfServiceNavigation, account.Id, StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            try
            {
                return Results.Redirect(WithMessage(back, "done", await act(account, form)));
            }
            catch (AdminException refused)
            {
                return Results.Redirect(WithMessage(back, "error", refused.Message));
            }
        });

    public static string WithMessage(string url, string key, string message) =>
        $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{key}={Uri.EscapeDataString(message)}";

    private static async Task<IResult> GuardAsync(HttpContext http, bool admin, Func<Account, Task<IResult>> next)
    {
        var account = await http.RequestServices.GetRequiredService<WebSession>().AccountAsync(http);
        if (account is null)
        {
            return Results.Redirect($"/login?return={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        }

        if (admin && !await http.RequestServices.GetRequiredService<AdminRoles>().IsAdminAsync(account, http.RequestAborted))
        {
            return new HtmlPage(http, "Administrators only").Heading("Administrators only")
                .Paragraph($"{account.Id} is not an administrator. Your own devices are on the self-service page.")
                .Result(SelfServiceNavigation, account.Id, StatusCodes.Status403Forbidden);
        }

        return await next(account);
    }
}
