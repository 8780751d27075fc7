using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// The web pages' sign-in: a form whose login and password go to the host's <see cref="ISignInService"/>
/// (throttled, never checked here), then a session cookie protected by ASP.NET Core data protection holding
/// the account, its credential stamp and an expiry. Each request re-reads the stamp, so a password change or
/// a removed account ends the session at once. HTTP Basic works as well, for scripts.
/// </summary>
internal sealed class WebSession(IServiceProvider services, TimeProvider time)
{
    public const string CookieName = "Passerelle.Session";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>The signed-in account: from Basic credentials, else from the session cookie; null when neither.</summary>
    public async Task<Account?> AccountAsync(HttpContext http)
    {
        if (http.GetAccount() is { } basic)
        {
            return basic;
        }

        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || Protector() is not { } protector)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = protector.Unprotect(cookie).Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= time.GetUtcNow()
            || services.GetService<IAccountDirectory>() is not { } directory
            || await directory.GetCredentialStampAsync(parts[0], http.RequestAborted) != parts[1])
        {
            return null;
        }

        if (await directory.FindAccountAsync(parts[0], http.RequestAborted) is not { } account)
        {
            return null;
        }

        // Antiforgery tokens are bound to the user the request carries.
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Id), new Claim(ClaimTypes.NameIdentifier, account.Id)], "PasserelleSession"));
        return account;
    }

    /// <summary>Checks a login through the host's sign-in service and starts a session; the outcome tells why not.</summary>
    public async Task<SignInResult> SignInAsync(HttpContext http, string login, string password)
    {
        var result = await services.GetRequiredService<ISignInService>().SignInAsync(login, password, http.Connection.RemoteIpAddress, http.RequestAborted);
        if (result is { Outcome: SignInOutcome.Succeeded, Account: { } account }
            && await services.GetRequiredService<IAccountDirectory>().GetCredentialStampAsync(account.Id, http.RequestAborted) is { } stamp)
        {
            var expires = time.GetUtcNow() + Lifetime;
            var payload = string.Join('\n', account.Id, stamp, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            http.Response.Cookies.Append(CookieName, Protector()!.Protect(payload), new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Expires = expires,
            });
        }

        return result;
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    private IDataProtector? Protector() =>
        services.GetService<IDataProtectionProvider>()?.CreateProtector("Passerelle.ActiveSync.WebSession");
}
