using Passerelle.GAL.Tests.Infrastructure;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Search;

public sealed class MatchingTests
{
    private const string Viewer = "alice@example.com";

    private static Fixtures.ConfiguredStore.StoreData People() => Data(
        Account("alice@example.com", "Alice Martin", "a.martin@example.com"),
        Account("zoe@example.com", "Zoë Ångström"),
        Account("sean@example.com", "Seán O'Brien"),
        Account("jp@example.com", "Jean-Pierre Dupont"),
        Account("wu@example.com", "Wu Li"),
        Account("martine.roux@example.com", "Martine Roux"));

    [Theory]
    [InlineData("ali", "Alice Martin")]          // first word of the display name
    [InlineData("mart", "Alice Martin", "Martine Roux")] // any word
    [InlineData("roux", "Martine Roux")]
    [InlineData("a.mar", "Alice Martin")]        // an alias address's local part
    [InlineData("martine.r", "Martine Roux")]    // the address, typed with its dot
    [InlineData("martiner", "Martine Roux")]     // the local part without its dot
    [InlineData("jp", "Jean-Pierre Dupont")]     // the alias (local part)
    [InlineData("pier", "Jean-Pierre Dupont")]   // a part of a hyphenated name
    [InlineData("jeanp", "Jean-Pierre Dupont")]  // the hyphenated name typed without its hyphen
    [InlineData("obri", "Seán O'Brien")]
    [InlineData("wu", "Wu Li")]                  // two letters: the default minimum
    public async Task Search_PrefixOfAnyWordOfNameOrAddress_FindsTheEntry(string typed, params string[] expected)
    {
        await using var gal = await GalHarness.StartAsync(People());

        Assert.Equal(expected, await gal.NamesAsync(Viewer, typed));
    }

    [Theory]
    [InlineData("ZOE")]
    [InlineData("zoë")]
    [InlineData("Zoé")]
    [InlineData("angst")]
    [InlineData("ÅNGSTRÖM")]
    [InlineData("sean o'b")]
    public async Task Search_CaseAndAccents_AreIgnoredBothWays(string typed)
    {
        await using var gal = await GalHarness.StartAsync(People());

        Assert.NotEmpty(await gal.NamesAsync(Viewer, typed));
    }

    [Theory]
    [InlineData("artin")]      // inside a word
    [InlineData("example")]    // the domain is not a word of the entries
    [InlineData("alice roux")] // every word must match the same entry
    public async Task Search_NoWordStartsWithIt_FindsNothing(string typed)
    {
        await using var gal = await GalHarness.StartAsync(People());

        var result = await gal.SearchAsync(Viewer, typed);

        Assert.Empty(result.Entries);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Search_SeveralWords_EachMustStartAWordOfTheEntry()
    {
        await using var gal = await GalHarness.StartAsync(People());

        Assert.Equal(["Alice Martin"], await gal.NamesAsync(Viewer, "mart al"));
        Assert.Equal(["Martine Roux"], await gal.NamesAsync(Viewer, "Roux, Martine"));
    }

    [Fact]
    public async Task Search_FullAddress_FindsItsEntry()
    {
        await using var gal = await GalHarness.StartAsync(People());

        Assert.Equal(["Martine Roux"], await gal.NamesAsync(Viewer, "martine.roux@example.com"));
    }

    [Theory]
    [InlineData("m")]
    [InlineData(" ")]
    [InlineData("-.")]
    public async Task Search_ShorterThanTheMinimum_ReturnsNothingRatherThanEverything(string typed)
    {
        await using var gal = await GalHarness.StartAsync(People());

        var result = await gal.SearchAsync(Viewer, typed);

        Assert.Empty(result.Entries);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Search_MinimumLengthConfigured_CountsLettersAndDigitsOfAllWords()
    {
        await using var gal = await GalHarness.StartAsync(People(), configure: options => options.MinQueryLength = 4);

        Assert.Empty(await gal.NamesAsync(Viewer, "mar"));
        Assert.Empty(await gal.NamesAsync(Viewer, "m.a-r"));
        Assert.Equal(["Alice Martin", "Martine Roux"], await gal.NamesAsync(Viewer, "mart"));
        Assert.Equal(["Alice Martin"], await gal.NamesAsync(Viewer, "al ma"));
    }

    [Fact]
    public async Task Search_Results_AreInAlphabeticalOrderOfNameIgnoringAccents()
    {
        await using var gal = await GalHarness.StartAsync(Data(
            Account("c@example.com", "Émile Zola"),
            Account("a@example.com", "Eric Zola"),
            Account("b@example.com", "élise Zola")));

        Assert.Equal(["élise Zola", "Émile Zola", "Eric Zola"], await gal.NamesAsync("a@example.com", "zola"));
    }
}
