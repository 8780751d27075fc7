using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Errors;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>
/// <c>POST /autodiscover/autodiscover.xml</c> (signed in) answers in the schema asked for;
/// <c>GET</c> on the same path (anonymous) is the HTTP redirect clients try on <c>http://autodiscover.DOMAIN</c>.
/// Routes match paths case-insensitively, so <c>/Autodiscover/Autodiscover.xml</c> is the same route.
/// </summary>
internal static class AutodiscoverEndpoints
{
    public const string Path = "/autodiscover/autodiscover.xml";

    public static IEndpointConventionBuilder MapAutodiscover(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<AutodiscoverResponder>() is null)
        {
            throw new InvalidOperationException("MapAutodiscover needs the Autodiscover services: call AddAutodiscover first.");
        }

        var group = endpoints.MapGroup("");
        group.MapPost(Path, PostAsync).RequireAuthorization(PasserelleAuthentication.Policy);
        group.MapGet(Path, GetAsync);
        return group;
    }

    private static async Task PostAsync(HttpContext http, AutodiscoverResponder responder, TimeProvider time)
    {
        var body = await RequestBody.ReadAsync(http.Request, http.RequestAborted);
        AutodiscoverAnswer answer;
        var schema = ResponseSchema.MobileSync;
        try
        {
            if (body is null)
            {
                answer = new ErrorAnswer(AutodiscoverError.Invalid("The request is too large."));
            }
            else if (!AutodiscoverRequestReader.TryRead(body.Value, out var request, out var error))
            {
                answer = new ErrorAnswer(error);
            }
            else
            {
                schema = request.Schema;
                answer = await responder.AnswerAsync(request, http.GetAccount()!, RequestOrigin.Of(http.Request), http.RequestAborted);
            }
        }
        catch (StoreUnavailableException)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            return;
        }

        var xml = AutodiscoverResponseWriter.Write(answer, schema, time.GetUtcNow());
        http.Response.ContentType = "text/xml; charset=utf-8";
        http.Response.Headers.CacheControl = "private";
        await http.Response.Body.WriteAsync(xml, http.RequestAborted);
    }

    private static async Task GetAsync(HttpContext http, AutodiscoverRedirectTarget target)
    {
        try
        {
            var location = await target.FindAsync(http.Request.Host.Host, http.RequestAborted);
            http.Response.StatusCode = location is null ? StatusCodes.Status404NotFound : StatusCodes.Status302Found;
            if (location is not null)
            {
                http.Response.Headers.Location = location.AbsoluteUri;
            }
        }
        catch (StoreUnavailableException)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
        }
    }
}
