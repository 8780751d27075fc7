using System.Net;

namespace Passerelle.Sdk.Accounts;

/// <summary>
/// The host's one way to check credentials: throttles repeated failures per account and per client
/// address, caches successes briefly under a keyed hash, and logs failures without the password.
/// </summary>
public interface ISignInService
{
    /// <summary>Signs a login in.</summary>
    /// <param name="login">The login as the client sent it.</param>
    /// <param name="password">The password.</param>
    /// <param name="clientAddress">The client's address, for throttling.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the login succeeded, failed or is refused for a while.</returns>
    ValueTask<SignInResult> SignInAsync(string login, string password, IPAddress? clientAddress, CancellationToken cancellationToken);
}
