namespace Passerelle.Sdk.Changes;

/// <summary>
/// Tells that something changed in a folder: what wakes a waiting Ping. Every store and virtual
/// folder provider registers one; a feed ignores folders of sources it does not serve.
/// </summary>
/// <remarks>
/// Subscribe first, then compare the folders' current states with the ones you know, then wait:
/// in the other order a change can slip in between. A feed reports every change committed after
/// the subscription was made, from this process and from any other process using the same data.
/// It may report a change more than once; it never reports one late by more than a couple of seconds.
/// </remarks>
public interface IChangeFeed
{
    /// <summary>Starts watching folders of an account.</summary>
    /// <param name="accountId">The account whose view of the folders is watched.</param>
    /// <param name="folders">The folders to watch.</param>
    /// <param name="cancellationToken">Cancels the subscription being made.</param>
    /// <returns>The subscription; dispose it to stop watching.</returns>
    ValueTask<IChangeSubscription> SubscribeAsync(
        string accountId,
        IReadOnlyCollection<FolderRef> folders,
        CancellationToken cancellationToken);
}
