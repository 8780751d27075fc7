using Passerelle.ActiveSync.Conversion;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\r\n\r\nTwo")]
    [InlineData("Line<br>break<br/>again", "Line\r\nbreak\r\nagain")]
    [InlineData("<div>a</div><div>b</div>", "a\r\nb")]
    [InlineData("<ul><li>x</li><li>y</li></ul>", "- x\r\n- y")]
    [InlineData("<head><title>T</title><style>p{color:red}</style></head><body>Shown<script>hidden()</script></body>", "Shown")]
    [InlineData("Tom &amp; Jerry &lt;3 &euro;&#8364;&nbsp;!", "Tom & Jerry <3 €€ !")]
    [InlineData("  lots \r\n  of\t spaces  ", "lots of spaces")]
    [InlineData("<pre>keep\n  this</pre>", "keep\r\n  this")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr></table>", "a b")]
    public void Convert_Html_GivesReadableText(string html, string text)
    {
        Assert.Equal(text, HtmlToText.Convert(html));
    }

    [Fact]
    public void Convert_TextToHtmlAndBack_KeepsTheText()
    {
        var text = "Prices: 5 < 6 & \"quoted\"\r\nnext  line\r\nΚαλημέρα";

        Assert.Equal(text, HtmlToText.Convert(TextToHtml.Convert(text)));
        Assert.Contains("Καλημέρα", TextToHtml.Convert(text));
    }
}
