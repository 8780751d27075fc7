using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Changes;
using Passerelle.Store.Sqlite.Blobs;

namespace Passerelle.Store.Sqlite.State;

/// <summary>
/// One write transaction (BEGIN IMMEDIATE: it holds the database's write lock from the start). Hands out
/// change sequence numbers, remembers which folders changed for the journal and the change feed, and which
/// blobs may have lost their last reference.
/// </summary>
internal sealed class StoreWrite : StoreSession
{
    private readonly BlobStore _blobs;
    private readonly long _firstSequence;
    private long _sequence;

    private StoreWrite(SqliteConnection connection, SqliteTransaction transaction, BlobStore blobs, long sequence, DateTimeOffset now)
        : base(connection, transaction)
    {
        _blobs = blobs;
        _firstSequence = _sequence = sequence;
        Now = now;
    }

    /// <summary>The time of this write, from the store's clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The folders this write changed.</summary>
    public HashSet<FolderRef> Touched { get; } = [];

    /// <summary>Blobs that may no longer be referenced once this write is over (committed or not).</summary>
    public HashSet<string> BlobsToCheck { get; } = new(StringComparer.Ordinal);

    /// <summary>Blobs this write put in place: unreferenced if it does not commit.</summary>
    public HashSet<string> PlacedBlobs { get; } = new(StringComparer.Ordinal);

    public static async Task<StoreWrite> BeginAsync(SqliteConnection connection, SqliteTransaction transaction, BlobStore blobs, DateTimeOffset now)
    {
        var probe = new StoreSession(connection, transaction);
        var sequence = await probe.ScalarAsync<long>("SELECT value FROM sequence WHERE id = 1");
        return new StoreWrite(connection, transaction, blobs, sequence, now);
    }

    /// <summary>Puts a staged blob in place under the write lock, so that no concurrent collection deletes it.</summary>
    public void PlaceBlob(StagedBlob staged)
    {
        _blobs.Place(staged);
        PlacedBlobs.Add(staged.Hash);
    }

    /// <summary>The next change sequence number: unique and increasing across the whole store, like an IMAP MODSEQ.</summary>
    public long NextModSeq() => ++_sequence;

    /// <summary>Records that a folder changed, for the journal other processes poll and for this process's subscribers.</summary>
    public void Touch(FolderSource source, string folderId) => Touched.Add(new FolderRef(source, folderId));

    /// <summary>Writes the sequence and the journal rows; called just before the commit.</summary>
    public async Task FlushAsync(string origin)
    {
        if (_sequence != _firstSequence)
        {
            await ExecuteAsync("UPDATE sequence SET value = $value WHERE id = 1", ("$value", _sequence));
        }

        foreach (var folder in Touched)
        {
            await ExecuteAsync(
                "INSERT INTO change_journal (source, folder_id, origin, at) VALUES ($source, $folder, $origin, $at)",
                ("$source", (int)folder.Source),
                ("$folder", folder.FolderId),
                ("$origin", origin),
                ("$at", UnixTime.ToMilliseconds(Now)));
        }
    }
}
