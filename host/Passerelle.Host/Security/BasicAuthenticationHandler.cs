using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passerelle.Sdk.Accounts;

namespace Passerelle.Host.Security;

/// <summary>
/// HTTP Basic through <see cref="ISignInService"/>. No or wrong credentials get 401 with a Basic
/// challenge (Outlook mobile gives up on a 403); a throttled client gets 503 with Retry-After.
/// </summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ISignInService signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string AdminRole = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadCredentials(Request.Headers.Authorization.ToString(), out var login, out var password))
        {
            return AuthenticateResult.NoResult();
        }

        var result = await signIn.SignInAsync(login, password, Context.Connection.RemoteIpAddress, Context.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                var account = result.Account!;
                Context.Features.Set(new AuthenticatedAccount(account, login));
                return AuthenticateResult.Success(new AuthenticationTicket(Principal(account), Scheme.Name));
            case SignInOutcome.Throttled:
                Context.Items[typeof(SignInResult)] = result;
                return AuthenticateResult.Fail("too many failed sign-ins");
            default:
                return AuthenticateResult.Fail("wrong credentials");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[typeof(SignInResult)] is SignInResult { Outcome: SignInOutcome.Throttled } throttled)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Passerelle\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    /// <summary>Reads Basic credentials: UTF-8 from phones, ISO-8859-1 from older Outlook.</summary>
    internal static bool TryReadCredentials(string header, out string login, out string password)
    {
        (login, password) = ("", "");
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Decode(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        (login, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private ClaimsPrincipal Principal(Account account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Email, account.Address),
            new(ClaimTypes.Name, account.DisplayName),
        };
        if (account.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
    }
}
