using Passerelle.GAL.Text;

namespace Passerelle.GAL.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    [InlineData("ÉLODIE Müller", "elodie muller")]
    [InlineData("François Nuñez", "francois nunez")]
    [InlineData("Dvořák", "dvorak")]
    public void Fold_AccentsAndCase_AreRemoved(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Ærø", "soren aero")]
    [InlineData("Łukasz Œuvre", "lukasz oeuvre")]
    [InlineData("Đorđe Þór", "dorde thor")]
    public void Fold_LettersWithoutDecomposition_AreSpelledOut(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Fold_FullwidthLetters_BecomeAscii() => Assert.Equal("zoe", TextFolding.Fold("Ｚｏｅ"));

    [Fact]
    public void Fold_CombiningAccentTypedSeparately_IsRemoved() => Assert.Equal("zoe", TextFolding.Fold("Zoe\u0308"));
}
