namespace Passerelle.Sdk.Mail;

/// <summary>
/// An account's out-of-office replies: what a phone reads and sets (EAS Settings Oof), and what local delivery
/// answers with. A store that delivers mail implements it; resolve it as <c>IEnumerable&lt;IOutOfOfficeStore&gt;</c>,
/// which is empty when no store keeps such settings.
/// </summary>
public interface IOutOfOfficeStore
{
    /// <summary>Reads an account's out-of-office settings.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The settings; <see cref="OutOfOfficeSettings.Off"/> when none were ever set.</returns>
    /// <exception cref="Errors.StoreUnavailableException">The store cannot be reached.</exception>
    Task<OutOfOfficeSettings> GetOutOfOfficeAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an account's out-of-office settings. Each change starts a new period: a sender already answered
    /// is answered again once.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="settings">The new settings.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">A scheduled period without a start before its end.</exception>
    /// <exception cref="Errors.StoreUnavailableException">The store cannot be reached.</exception>
    Task SetOutOfOfficeAsync(string accountId, OutOfOfficeSettings settings, CancellationToken cancellationToken);
}
