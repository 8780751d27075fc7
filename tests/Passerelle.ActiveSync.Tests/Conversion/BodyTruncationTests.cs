using System.Text;
using Passerelle.ActiveSync.Conversion;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class BodyTruncationTests
{
    // 1-, 2-, 3- and 4-byte characters, markup and references.
    private static readonly string[] Pieces = ["a", " ", "\u00E9", "\u20AC", "\U0001F600", "<b>", "</b>", "<a href=\"x\">", "&amp;", "&#8364;", "\r\n"];

    [Fact]
    public void Cut_AnyTextAndLimit_IsTheLongestWholeCharacterPrefix()
    {
        var random = new Random(17);
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText(random);
            var limit = random.Next(0, Encoding.UTF8.GetByteCount(text) + 2);

            var (prefix, size) = BodyTruncation.Cut(text, limit, html: false);

            Assert.Equal(Encoding.UTF8.GetByteCount(text), size);
            Assert.StartsWith(prefix, text, StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(prefix);
            Assert.True(bytes <= limit);
            Assert.False(prefix.Length > 0 && char.IsHighSurrogate(prefix[^1]), "a surrogate pair was split");
            if (prefix.Length < text.Length)
            {
                var next = char.IsHighSurrogate(text[prefix.Length]) ? text.Substring(prefix.Length, 2) : text[prefix.Length].ToString();
                Assert.True(bytes + Encoding.UTF8.GetByteCount(next) > limit, "the cut is not the longest");
            }
        }
    }

    [Fact]
    public void Cut_AnyHtmlAndLimit_NeverEndsInsideATagOrReference()
    {
        var random = new Random(23);
        for (var round = 0; round < 2000; round++)
        {
            var html = RandomText(random);
            var limit = random.Next(0, Encoding.UTF8.GetByteCount(html) + 2);

            var (prefix, _) = BodyTruncation.Cut(html, limit, html: true);

            Assert.StartsWith(prefix, html, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(prefix) <= limit);
            Assert.True(prefix.LastIndexOf('<') <= prefix.LastIndexOf('>'), $"cut inside a tag: {prefix}");
            var amp = prefix.LastIndexOf('&');
            Assert.True(amp < 0 || prefix.IndexOf(';', amp) > amp, $"cut inside a reference: {prefix}");
        }
    }

    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("ab\u00E9", 3, "ab")]
    [InlineData("\U0001F600x", 3, "")]
    [InlineData("\U0001F600x", 4, "\U0001F600")]
    public void Cut_Text_Examples(string text, int limit, string expected)
    {
        Assert.Equal(expected, BodyTruncation.Cut(text, limit, html: false).Prefix);
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 30);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
