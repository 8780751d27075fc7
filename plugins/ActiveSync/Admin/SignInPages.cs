using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary><c>/login</c> and <c>/logout</c> for the console and the self-service page.</summary>
internal static class SignInPages
{
    public static void MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (HttpContext http, CancellationToken aborted) => Form(http, null, StatusCodes.Status200OK));
        endpoints.MapPost("/login", async (HttpContext http, CancellationToken aborted) =>
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
                return Form(http, "The form is out of date: try again.", StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var result = await http.RequestServices.GetRequiredService<WebSession>().SignInAsync(http, form["login"].ToString(), form["password"].ToString());
            return result.Outcome switch
            {
                SignInOutcome.Succeeded => Results.Redirect(LocalReturn(form["return"].ToString())),
                SignInOutcome.Throttled => Form(http, $"Too many failed attempts: try again in {Math.Ceiling(result.RetryAfter.TotalMinutes)} minutes.", StatusCodes.Status503ServiceUnavailable),
                _ => Form(http, "Wrong login or password.", StatusCodes.Status401Unauthorized),
            };
        });
        endpoints.MapPost("/logout", async (HttpContext http, CancellationToken aborted) =>
        {
            if (http.Request.HasFormContentType)
            {
                try
                {
                    await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
                    WebSession.SignOut(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return Results.BadRequest();
                }
            }

            return Results.Redirect("/login");
        });
    }

    private static IResult Form(HttpContext http, string? error, int status)
    {
        var back = LocalReturn(http.Request.HasFormContentType ? http.Request.Form["return"].ToString() : http.Request.Query["return"].ToString());
        var page = new HtmlPage(http, "Sign in").Heading("Sign in to Passerelle");
        if (error is not null)
        {
            page.Paragraph(error, "error");
        }

        page.Raw(page.Form(
            "/login",
            "Sign in",
            HtmlPage.Input("login", "Address", required: true) + HtmlPage.Input("password", "Password", type: "password", required: true) +
            $"<input type=\"hidden\" name=\"return\" value=\"{HtmlPage.E(back)}\">"));
        return page.Result([], null, status);
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would make the form an open redirect.</summary>
    private static string LocalReturn(string? path) =>
        path is { Length: > 1 } p && p[0] == '/' && p[1] != '/' && p[1] != '\\' ? p : "/self-service";
}
