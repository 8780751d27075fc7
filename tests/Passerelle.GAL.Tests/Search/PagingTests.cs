using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Directory;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Search;

public sealed class PagingTests
{
    private const string Viewer = "user00@example.com";

    private static Fixtures.ConfiguredStore.StoreData TwentyFive() =>
        Data([.. Enumerable.Range(0, 25).Select(i => Account($"user{i:00}@example.com", $"Tester {i:00}"))]);

    [Fact]
    public async Task Search_Range_ReturnsThoseEntriesAndTheTotal()
    {
        await using var gal = await GalHarness.StartAsync(TwentyFive());

        var result = await gal.SearchAsync(Viewer, "tester", offset: 10, limit: 5);

        Assert.Equal(25, result.Total);
        Assert.Equal(["Tester 10", "Tester 11", "Tester 12", "Tester 13", "Tester 14"], result.Entries.Select(entry => entry.DisplayName));
    }

    [Fact]
    public async Task Search_ConsecutiveRanges_CoverEveryMatchOnce()
    {
        await using var gal = await GalHarness.StartAsync(TwentyFive());

        var seen = new List<string>();
        for (var offset = 0; offset < 25; offset += 10)
        {
            seen.AddRange((await gal.SearchAsync(Viewer, "tes", offset, 10)).Entries.Select(entry => entry.EmailAddress));
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"user{i:00}@example.com"), seen);
    }

    [Fact]
    public async Task Search_RangePastTheEnd_ReturnsTheRestThenNothing()
    {
        await using var gal = await GalHarness.StartAsync(TwentyFive());

        var last = await gal.SearchAsync(Viewer, "tester", offset: 20, limit: 10);
        var beyond = await gal.SearchAsync(Viewer, "tester", offset: 40, limit: 10);

        Assert.Equal(5, last.Entries.Count);
        Assert.Equal(25, last.Total);
        Assert.Empty(beyond.Entries);
        Assert.Equal(25, beyond.Total);
    }

    [Fact]
    public async Task Search_LimitZero_CountsWithoutEntries()
    {
        await using var gal = await GalHarness.StartAsync(TwentyFive());

        var result = await gal.SearchAsync(Viewer, "tester", offset: 0, limit: 0);

        Assert.Empty(result.Entries);
        Assert.Equal(25, result.Total);
    }

    [Fact]
    public async Task Search_NegativeRange_IsRefused()
    {
        await using var gal = await GalHarness.StartAsync(TwentyFive());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => gal.Gal.SearchAsync(Viewer, new GalQuery("tester", -1, 10), CancellationToken.None));
    }
}
