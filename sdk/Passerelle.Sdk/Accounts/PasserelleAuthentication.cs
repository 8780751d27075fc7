using Microsoft.AspNetCore.Http;

namespace Passerelle.Sdk.Accounts;

/// <summary>
/// The host's HTTP Basic authentication, shared by every plugin: call
/// <c>.RequireAuthorization(PasserelleAuthentication.Policy)</c> on a route and read the account with
/// <see cref="GetAccount"/>. Plugins never check passwords themselves.
/// </summary>
public static class PasserelleAuthentication
{
    /// <summary>The authentication scheme: HTTP Basic through <see cref="ISignInService"/>.</summary>
    public const string Scheme = "PasserelleBasic";

    /// <summary>The authorization policy that requires a signed-in account.</summary>
    public const string Policy = "PasserelleAccount";

    /// <summary>The authorization policy that requires a signed-in administrator.</summary>
    public const string AdminPolicy = "PasserelleAdmin";

    /// <summary>The signed-in account of a request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The account, or <see langword="null"/> when the request is not authenticated.</returns>
    public static Account? GetAccount(this HttpContext context) =>
        context.Features.Get<AuthenticatedAccount>()?.Account;
}

/// <summary>The request feature where the host puts the signed-in account.</summary>
/// <param name="Account">The account.</param>
/// <param name="Login">The login as the client sent it (an address, <c>DOMAIN\user</c> or a UPN).</param>
public sealed record AuthenticatedAccount(Account Account, string Login);
