using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Accounts;

namespace Passerelle.Host.Security;

/// <summary>
/// The one place credentials are checked: throttling first, then the credential cache (re-validated
/// against the directory's credential stamp, so a password change applies at once), then the directory.
/// Concurrent requests with the same credentials share one check of the password: it costs the directory
/// a deliberate fraction of a second of CPU, and a phone sends several requests at once.
/// </summary>
internal sealed class SignInService(
    IServiceProvider services,
    SignInThrottle throttle,
    SignInCache cache,
    TimeProvider time,
    ILogger<SignInService> logger) : ISignInService
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Account?>>> _checking = new(StringComparer.Ordinal);

    public async ValueTask<SignInResult> SignInAsync(string login, string password, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var normalized = LoginName.Normalize(login);
        var retryAfter = throttle.RetryAfter(normalized, clientAddress);
        if (retryAfter > TimeSpan.Zero)
        {
            logger.LogWarning("Sign-in refused for {Login} from {Address}: too many failures, retry after {RetryAfter}", normalized, clientAddress, retryAfter);
            return SignInResult.Throttle(retryAfter);
        }

        var directory = services.GetService<IAccountDirectory>();
        if (directory is null)
        {
            logger.LogError("Sign-in failed for {Login}: no store plugin provides accounts", normalized);
            return SignInResult.Failure;
        }

        var key = cache.KeyOf(normalized, password);
        if (cache.TryGet(key, out var cached, out var cachedStamp))
        {
            var stamp = await directory.GetCredentialStampAsync(cached.Id, cancellationToken);
            if (stamp == cachedStamp)
            {
                cache.Add(key, cached, cachedStamp); // kept while in use
                return SignInResult.Success(cached);
            }

            cache.Remove(key);
        }

        var account = await AuthenticateOnceAsync(directory, key, normalized, password, cancellationToken);
        if (account is not null && await directory.GetCredentialStampAsync(account.Id, cancellationToken) is { } current)
        {
            throttle.RecordSuccess(normalized, clientAddress);
            cache.Add(key, account, current);
            return SignInResult.Success(account);
        }

        var delay = throttle.RecordFailure(normalized, clientAddress);
        logger.LogWarning("Sign-in failed for {Login} from {Address}", normalized, clientAddress);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }

        return SignInResult.Failure;
    }

    private async Task<Account?> AuthenticateOnceAsync(IAccountDirectory directory, string key, string login, string password, CancellationToken cancellationToken)
    {
        var check = _checking.GetOrAdd(key, _ => new Lazy<Task<Account?>>(() => directory.AuthenticateAsync(login, password, CancellationToken.None)));
        try
        {
            return await check.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (check.Value.IsCompleted)
            {
                _checking.TryRemove(KeyValuePair.Create(key, check));
            }
        }
    }
}
