using Microsoft.Data.Sqlite;
using Passerelle.GAL.Flags;
using Passerelle.Testing;

namespace Passerelle.GAL.Tests.Sources;

public sealed class GalFlagStoreTests
{
    private readonly GalFlagStore _flags = new(Path.Combine(TestPaths.NewTemporaryDirectory("flags"), "gal.db"), TimeProvider.System);

    [Fact]
    public async Task AddAsync_FoldersFlagged_AreListedInFlagOrder()
    {
        await _flags.AddAsync("b@example.com", "f2", "b@example.com/Second", CancellationToken.None);
        await _flags.AddAsync("a@example.com", "f1", "a@example.com/First", CancellationToken.None);

        var flags = await _flags.ListAsync(CancellationToken.None);

        Assert.Equal(["f2", "f1"], flags.Select(flag => flag.FolderId));
        Assert.True(flags[0].Order < flags[1].Order);
        Assert.Equal("example.com", flags[0].Domain);
    }

    [Fact]
    public async Task AddAsync_FolderFlaggedTwice_KeepsTheFirstFlag()
    {
        var first = await _flags.AddAsync("a@example.com", "f1", "a@example.com/First", CancellationToken.None);

        var second = await _flags.AddAsync("a@example.com", "f1", "a@example.com/Renamed", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("a@example.com/First", Assert.Single(await _flags.ListAsync(CancellationToken.None)).Label);
    }

    [Fact]
    public async Task RemoveAsync_SaysWhetherTheFolderWasFlagged()
    {
        await _flags.AddAsync("a@example.com", "f1", "a@example.com/First", CancellationToken.None);

        Assert.True(await _flags.RemoveAsync("f1", CancellationToken.None));
        Assert.False(await _flags.RemoveAsync("f1", CancellationToken.None));
        Assert.Empty(await _flags.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task File_IsInWriteAheadLogMode()
    {
        await _flags.ListAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={_flags.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
