namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// How many items one Sync response may still carry, across its collections (MS-ASCMD 2.2.3.199), and
/// until when: past the deadline, what is ready is sent with MoreAvailable (FIELD-NOTES 15).
/// </summary>
internal sealed class SyncWindow(int total, DateTimeOffset deadline, TimeProvider time)
{
    public int Remaining { get; private set; } = total;

    public bool PastDeadline => time.GetUtcNow() >= deadline;

    /// <summary>The window of one collection: its own WindowSize within what is left.</summary>
    public int For(int? collectionWindow, int max) => Math.Min(Remaining, Math.Clamp(collectionWindow ?? 100, 1, max));

    public void Use(int count) => Remaining = Math.Max(0, Remaining - count);
}
