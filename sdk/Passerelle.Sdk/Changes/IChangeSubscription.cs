namespace Passerelle.Sdk.Changes;

/// <summary>A live watch on some folders; holds no thread while it waits.</summary>
public interface IChangeSubscription : IAsyncDisposable
{
    /// <summary>Waits until one or more of the watched folders changed.</summary>
    /// <param name="cancellationToken">Ends the wait (heartbeat expiry, a newer request from the device).</param>
    /// <returns>The folders that changed since the previous call, at least one.</returns>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    ValueTask<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken);
}
