using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Passerelle.Store.Imap.Accounts;
using Passerelle.Store.Imap.Changes;

namespace Passerelle.Store.Imap.Push;

/// <summary>
/// <c>PUT /imap/push/{secret}</c> (and POST): Dovecot's push_notification OX driver tells of new mail with a
/// JSON body such as <c>{"user":"bob@example.com","event":"messageNew","folder":"INBOX",...}</c>, and the
/// change feed wakes the user's waiting clients without any IMAP connection held. The secret is in the path
/// because the driver can only be given a URL; Basic credentials would go through the host's sign-in.
/// </summary>
internal static class DovecotPushEndpoint
{
    private const int MaxBody = 64 * 1024;

    public static IEndpointConventionBuilder MapDovecotPush(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/imap/push/{secret}", [HttpMethods.Put, HttpMethods.Post], HandleAsync).AllowAnonymous();

    private static async Task<IResult> HandleAsync(string secret, HttpRequest request, ImapOptions options, KnownAccounts accounts, ChangeHub hub)
    {
        if (options.Push.Secret is not { Length: > 0 } expected)
        {
            return Results.NotFound();
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (request.ContentLength > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        PushEvent? push;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            if (body.Length > MaxBody)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            push = JsonSerializer.Deserialize<PushEvent>(body.ToArray(), JsonOptions);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The body is not JSON of Dovecot's push_notification OX driver.");
        }

        if (push?.User is not { Length: > 0 } user)
        {
            return Results.BadRequest("The event names no user.");
        }

        var accountId = await accounts.FindIdByLoginAsync(user, request.HttpContext.RequestAborted);
        if (accountId is not null)
        {
            hub.Notify(accountId, string.IsNullOrEmpty(push.Folder) ? "INBOX" : push.Folder);
        }

        // An unknown user is not an error for Dovecot: nobody here waits on that mailbox.
        return Results.NoContent();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record PushEvent(string? User, string? Event, string? Folder);
}
