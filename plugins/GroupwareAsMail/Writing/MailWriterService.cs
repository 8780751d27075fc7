using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Passerelle.GroupwareAsMail.State;
using Passerelle.Sdk.Errors;

namespace Passerelle.GroupwareAsMail.Writing;

/// <summary>
/// WriteToImap: every <c>WriteInterval</c>, for each account whose switch is on at the user level, compares the
/// groupware and written folders' states with the last pass and writes the difference when they moved; an
/// account whose switch went off has its written folders deleted. A store that cannot answer yet (the IMAP
/// store knows a password only after the user signed in) is tried again at the next pass.
/// </summary>
internal sealed class MailWriterService(
    GroupwareAsMailOptions options,
    UserSwitchStore users,
    WrittenMail written,
    MailWriter writer,
    TimeProvider time,
    ILogger<MailWriterService> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!writer.CanWrite)
        {
            logger.LogWarning("WriteToImap is on but there is no mail or no groupware store: nothing is written");
            return;
        }

        using var timer = new PeriodicTimer(options.WriteInterval, time);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The plugin's own database failing must not stop the host: the next pass tries again.
                logger.LogWarning(exception, "A pass writing the groupware folders failed; tried again at the next one");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        var on = await users.AccountsOnAsync(cancellationToken);
        foreach (var accountId in on)
        {
            await TryAsync(accountId, () => WriteIfChangedAsync(accountId, cancellationToken), cancellationToken);
        }

        foreach (var accountId in (await written.AccountsAsync(cancellationToken)).Except(on, StringComparer.Ordinal))
        {
            _fingerprints.Remove(accountId);
            await TryAsync(accountId, () => writer.RemoveAsync(accountId, cancellationToken), cancellationToken);
        }
    }

    private async Task WriteIfChangedAsync(string accountId, CancellationToken cancellationToken)
    {
        var before = await writer.FingerprintAsync(accountId, cancellationToken);
        if (_fingerprints.TryGetValue(accountId, out var last) && last == before)
        {
            return;
        }

        // The states read before writing: a change made while writing moves them again and gets its own pass.
        // The pass's own writes move the mail folders' states too, which costs one more pass that finds nothing to do.
        await writer.WriteAsync(accountId, cancellationToken);
        _fingerprints[accountId] = before;
    }

    private async Task TryAsync(string accountId, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (StoreException exception)
        {
            _fingerprints.Remove(accountId);
            logger.LogDebug("Writing the groupware folders of {Account} waits for the next pass: {Reason}", accountId, exception.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // One account's failure must not stop the others, nor the host.
            _fingerprints.Remove(accountId);
            logger.LogWarning(exception, "Writing the groupware folders of {Account} failed; tried again at the next pass", accountId);
        }
    }
}
