using Passerelle.GAL.Text;

namespace Passerelle.GAL.Tests.Text;

public sealed class WordsTests
{
    [Fact]
    public void AddName_PartsJoinedByPunctuation_AddsEachPartAndThemRunTogether()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);

        Words.AddName("Jean-Pierre O'Brien", words);

        Assert.Equal(["brien", "jean", "jeanpierre", "o", "obrien", "pierre"], words);
    }

    [Fact]
    public void AddAddress_KeepsTheLocalPartOnly()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);

        Words.AddAddress("John.Smith@Example.com", words);

        Assert.Equal(["john", "johnsmith", "smith"], words);
    }

    [Fact]
    public void Parse_AddressTyped_KeepsItsLocalPartAsOneToken()
    {
        var tokens = GalQueryText.Parse("j.smith@exam");

        var token = Assert.Single(tokens);
        Assert.Equal("jsmith", token.Joined);
        Assert.Equal(["j", "smith"], token.Parts);
    }

    [Fact]
    public void Parse_NameWithCommaAndSpaces_GivesOneTokenPerWord()
    {
        var tokens = GalQueryText.Parse("  Martin,  Zoé ");

        Assert.Equal(["martin", "zoe"], tokens.Select(token => token.Joined));
        Assert.Equal(9, GalQueryText.Length(tokens));
    }

    [Theory]
    [InlineData("obr")]
    [InlineData("o'br")]
    [InlineData("O'BRIEN")]
    [InlineData("bri")]
    public void Matches_PrefixOfAWordOrOfTheJoinedParts_Matches(string typed)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        Words.AddName("Seán O'Brien", words);

        Assert.True(GalQueryText.Parse(typed).Single().Matches([.. words]));
    }

    [Theory]
    [InlineData("rien")]
    [InlineData("seano")]
    public void Matches_InsideAWord_DoesNotMatch(string typed)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        Words.AddName("Seán O'Brien", words);

        Assert.False(GalQueryText.Parse(typed).Single().Matches([.. words]));
    }
}
