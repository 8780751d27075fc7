namespace Passerelle.ActiveSync.Sync;

/// <summary>A collection's state at one SyncKey.</summary>
/// <param name="Key">The SyncKey.</param>
/// <param name="StoreState">The store's change state the device is in step with, or null before the first listing.</param>
/// <param name="FilterType">The FilterType the state was built for.</param>
/// <param name="SnapshotDone">Whether the first listing of the folder was taken into the pending list.</param>
/// <param name="Replays">How many times the device repeated this key after we answered it.</param>
internal sealed record CollectionState(SyncKey Key, string? StoreState, int FilterType, bool SnapshotDone, int Replays = 0);
