using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Who may use the admin API: an administrator signed in with HTTP Basic or with the console's session.
/// No credentials: 401 with a Basic challenge (or the host's 503 when throttled); anyone else: 403.
/// </summary>
internal sealed class AdminApiFilter : IEndpointFilter
{
    public const string AccountItem = "Passerelle.Admin.Account";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var account = await http.RequestServices.GetRequiredService<WebSession>().AccountAsync(http);
        if (account is null)
        {
            await http.ChallengeAsync(PasserelleAuthentication.Scheme);
            return null;
        }

        if (!await http.RequestServices.GetRequiredService<AdminRoles>().IsAdminAsync(account, http.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "administrators only");
        }

        if (await RefuseForgeryAsync(http) is { } forged)
        {
            return forged;
        }

        http.Items[AccountItem] = account;
        try
        {
            return await next(context);
        }
        catch (AdminException refused)
        {
            return Problem(refused);
        }
    }

    /// <summary>
    /// Browsers send remembered Basic credentials and cookies with cross-site requests; only "simple" ones
    /// (a POST of a form, or without a body) need no CORS preflight, which is never granted. So a POST must be
    /// JSON, and one made with the session cookie must also carry the console's antiforgery token in X-CSRF-TOKEN.
    /// </summary>
    private static async Task<IResult?> RefuseForgeryAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return null;
        }

        if (!(http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "send the request as application/json");
        }

        if (http.GetAccount() is null && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "a request made with the console's session needs its X-CSRF-TOKEN header");
        }

        return null;
    }

    public static IResult Problem(AdminException refused) => Results.Problem(
        statusCode: refused.Kind switch
        {
            AdminError.NotFound => StatusCodes.Status404NotFound,
            AdminError.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        title: refused.Message);

    public static Account Admin(HttpContext http) => (Account)http.Items[AccountItem]!;
}
