using Passerelle.GAL.Index;
using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Tests.Index;

public sealed class SourceIndexWriterTests
{
    [Fact]
    public void Apply_ChangedEntry_IsFoundByItsNewWordsOnlyWithoutRebuildingTheBase()
    {
        var writer = new SourceIndexWriter();
        writer.Reset(Enumerable.Range(0, 1000).Select(i => Entry($"id{i}", $"name{i}", $"user{i}@example.com")));

        writer.Apply([Entry("id7", "renamed", "user7@example.com")], []);

        Assert.Equal(1, writer.BaseBuilds);
        Assert.Equal(["id7"], Prefix(writer.Snapshot, "renamed"));
        Assert.DoesNotContain("id7", Prefix(writer.Snapshot, "name7"));
        Assert.Equal(111, Prefix(writer.Snapshot, "name1").Count); // name1, name10 to name19, name100 to name199
        Assert.Equal(1000, writer.Snapshot.Count);
    }

    [Fact]
    public void Apply_RemovedEntry_IsNoLongerFoundByWordOrAddress()
    {
        var writer = new SourceIndexWriter();
        writer.Reset([Entry("a", "alice", "alice@example.com"), Entry("b", "bob", "bob@example.com")]);

        writer.Apply([], ["a"]);

        Assert.Empty(Prefix(writer.Snapshot, "ali"));
        Assert.Null(writer.Snapshot.FirstWithAddress("alice@example.com"));
        Assert.Equal(1, writer.Snapshot.Count);
    }

    [Fact]
    public void Apply_DeltaOutgrowsItsLimit_FoldsEverythingIntoANewBase()
    {
        var writer = new SourceIndexWriter();
        writer.Reset([]);

        for (var i = 0; i < 300; i++)
        {
            writer.Apply([Entry($"id{i}", $"name{i}", $"user{i}@example.com")], []);
        }

        Assert.Equal(2, writer.BaseBuilds);
        Assert.True(writer.DeltaCount < 300);
        Assert.Equal(300, writer.Snapshot.Count);
    }

    [Fact]
    public void Snapshot_TakenBeforeAChange_StillAnswersAsBefore()
    {
        var writer = new SourceIndexWriter();
        writer.Reset([Entry("a", "alice", "a1@example.com")]);
        var before = writer.Snapshot;

        writer.Apply([Entry("a", "alicia", "a1@example.com")], []);

        Assert.Equal(["a"], Prefix(before, "alice"));
        Assert.Empty(Prefix(writer.Snapshot, "alice"));
    }

    // Random changes against a plain list: every prefix finds exactly what a scan of the list finds.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Apply_RandomChanges_FindsWhatAScanFinds(int seed)
    {
        var random = new Random(seed);
        var writer = new SourceIndexWriter();
        var model = new Dictionary<string, IndexedEntry>();
        string RandomWord() => new([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (char)('a' + random.Next(4)))]);
        writer.Reset([]);
        for (var step = 0; step < 3000; step++)
        {
            var id = $"id{random.Next(400)}";
            if (random.Next(4) == 0)
            {
                model.Remove(id);
                writer.Apply([], [id]);
            }
            else
            {
                var entry = Entry(id, $"{RandomWord()} {RandomWord()}", $"{RandomWord()}@example.com");
                model[id] = Entry(id, entry.Fields.DisplayName, entry.Fields.EmailAddress);
                writer.Apply([entry], []);
            }

            if (step % 100 == 0)
            {
                var prefix = RandomWord()[..1];
                var expected = model.Values.Where(e => e.Words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal))).Select(e => e.ItemId).Order().ToList();
                Assert.Equal(expected, Prefix(writer.Snapshot, prefix));
            }
        }

        Assert.Equal(model.Count, writer.Snapshot.Count);
        Assert.True(writer.BaseBuilds > 1);
    }

    private static List<string> Prefix(SourceSnapshot snapshot, string prefix)
    {
        var found = new List<IndexedEntry>();
        snapshot.CollectPrefix(prefix, found);
        return found.Select(entry => entry.ItemId).Distinct().Order().ToList();
    }

    private static IndexedEntry Entry(string id, string name, string address)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        GAL.Text.Words.AddName(name, words);
        GAL.Text.Words.AddAddress(address, words);
        return new IndexedEntry
        {
            ItemId = id,
            Fields = new GalEntry(name, address),
            Addresses = [address],
            Words = [.. words],
            SortKey = name,
            HasOwnName = true,
            Origin = NoOrigin.Instance,
        };
    }

    private sealed class NoOrigin : IEntryOrigin
    {
        public static readonly NoOrigin Instance = new();

        public Task<byte[]?> LoadPhotoAsync(IndexedEntry entry, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public Task<IReadOnlyList<byte[]>> LoadCertificatesAsync(IndexedEntry entry, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<byte[]>>([]);
    }
}
