using System.Text;
using MimeKit;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Conversion.EmailWbxml;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class EmailBodyTests
{
    private const string Html = "<html><body><p>Hello <b>Bob</b> &amp; team,</p><p>caf\u00E9 at noon</p></body></html>";

    private static async Task<WbxmlElement> BodyAsync(byte[] mime, EmailOptions options) =>
        (await ApplicationDataAsync(mime, options)).Element(AirSyncBase.Body)!;

    [Fact]
    public async Task Body_Version120WithoutPreferences_IsTheWholePlainText()
    {
        var body = await BodyAsync(TestMessages.Plain("Line one\nLine two"), Options(ProtocolVersion.V120));

        Assert.Equal("1", body.Value(AirSyncBase.Type));
        Assert.Equal("Line one\r\nLine two", body.Value(AirSyncBase.Data)!.TrimEnd());
        Assert.Null(body.Element(AirSyncBase.Truncated));
        Assert.Equal(DataBytes(body).ToString(), body.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Body_HtmlAndTextPreferred_SendsTheHtmlPart()
    {
        var body = await BodyAsync(TestMessages.Alternative("Hello Bob", Html), Options(ProtocolVersion.V141, new BodyPreference(1), new BodyPreference(2)));

        Assert.Equal("2", body.Value(AirSyncBase.Type));
        Assert.Equal(Html, body.Value(AirSyncBase.Data)!.TrimEnd());
    }

    [Fact]
    public async Task Body_PlainPreferredForHtmlOnlyMessage_IsTheHtmlAsText()
    {
        var data = await ApplicationDataAsync(TestMessages.HtmlOnly(Html), Options(ProtocolVersion.V141, new BodyPreference(1)));

        var body = data.Element(AirSyncBase.Body)!;
        Assert.Equal("1", body.Value(AirSyncBase.Type));
        Assert.Equal("Hello Bob & team,\r\n\r\ncaf\u00E9 at noon", body.Value(AirSyncBase.Data));
        Assert.Equal("2", data.Value(AirSyncBase.NativeBodyType));
    }

    [Fact]
    public async Task Body_HtmlPreferredForPlainMessage_IsTheTextEscapedIntoHtml()
    {
        var body = await BodyAsync(TestMessages.Plain("if a < b & c\nthen"), Options(ProtocolVersion.V141, new BodyPreference(2)));

        var html = body.Value(AirSyncBase.Data)!;
        Assert.Equal("2", body.Value(AirSyncBase.Type));
        Assert.Contains("if a &lt; b &amp; c", html);
        Assert.Contains("<br", html);
    }

    [Fact]
    public async Task Body_RtfOnly_FallsBackToPlainTextWithItsTruncation()
    {
        var body = await BodyAsync(TestMessages.Plain(new string('x', 300)), Options(ProtocolVersion.V141, new BodyPreference(3) { TruncationSize = 100 }));

        Assert.Equal("1", body.Value(AirSyncBase.Type));
        Assert.Equal(100, DataBytes(body));
        Assert.Equal("1", body.Value(AirSyncBase.Truncated));
    }

    [Fact]
    public async Task Body_RtfThenHtml_SendsHtml()
    {
        var body = await BodyAsync(TestMessages.Alternative("t", Html), Options(ProtocolVersion.V141, new BodyPreference(3), new BodyPreference(2)));

        Assert.Equal("2", body.Value(AirSyncBase.Type));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 40)]
    [InlineData(1, 0)]
    public async Task Body_TruncationSize_CutsAndGivesTheFullSize(int type, int truncation)
    {
        var mime = TestMessages.Alternative("Hello Bob, this is a longer text body.", Html);

        var body = await BodyAsync(mime, Options(ProtocolVersion.V141, new BodyPreference(type) { TruncationSize = truncation }));

        var whole = await BodyAsync(mime, Options(ProtocolVersion.V141, new BodyPreference(type)));
        Assert.Equal("1", body.Value(AirSyncBase.Truncated));
        Assert.True(DataBytes(body) <= truncation);
        Assert.Equal(whole.Value(AirSyncBase.EstimatedDataSize), body.Value(AirSyncBase.EstimatedDataSize));
        Assert.StartsWith(body.Value(AirSyncBase.Data)!, whole.Value(AirSyncBase.Data)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_TruncationInsideAUtf8Sequence_CutsBeforeIt()
    {
        // "é" is 2 bytes and "😀" 4: a 3-byte limit keeps only the "é".
        var body = await BodyAsync(TestMessages.Alternative("\u00E9\U0001F600\u00E9", Html), Options(ProtocolVersion.V141, new BodyPreference(1) { TruncationSize = 3 }));

        Assert.Equal("\u00E9", body.Value(AirSyncBase.Data));
        Assert.Equal("8", body.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Body_HtmlTruncationInsideATag_CutsBeforeTheTag()
    {
        var html = "<p>Hello</p><a href=\"https://example.org/long/path\">link</a>";
        var body = await BodyAsync(TestMessages.HtmlOnly(html), Options(ProtocolVersion.V141, new BodyPreference(2) { TruncationSize = 30 }));

        Assert.Equal("<p>Hello</p>", body.Value(AirSyncBase.Data));
    }

    [Fact]
    public async Task Body_HtmlTruncationInsideAnEntity_CutsBeforeTheEntity()
    {
        var body = await BodyAsync(TestMessages.HtmlOnly("<p>Tom &amp; Jerry</p>"), Options(ProtocolVersion.V141, new BodyPreference(2) { TruncationSize = 9 }));

        Assert.Equal("<p>Tom ", body.Value(AirSyncBase.Data));
    }

    [Fact]
    public async Task Body_AllOrNoneOverTheLimit_SendsNoDataButTheSize()
    {
        var body = await BodyAsync(TestMessages.Plain(new string('y', 500)), Options(ProtocolVersion.V141, new BodyPreference(1) { TruncationSize = 100, AllOrNone = true }));

        Assert.Null(body.Element(AirSyncBase.Data));
        Assert.Equal("1", body.Value(AirSyncBase.Truncated));
        Assert.True(int.Parse(body.Value(AirSyncBase.EstimatedDataSize)!) >= 500);
    }

    [Fact]
    public async Task Body_AllOrNoneWithinTheLimit_SendsEverything()
    {
        var body = await BodyAsync(TestMessages.Plain("short"), Options(ProtocolVersion.V141, new BodyPreference(1) { TruncationSize = 100, AllOrNone = true }));

        Assert.Equal("short", body.Value(AirSyncBase.Data)!.TrimEnd());
        Assert.Null(body.Element(AirSyncBase.Truncated));
    }

    [Fact]
    public async Task Body_Preview_IsTheCollapsedTextUpToItsLength()
    {
        var preference = new BodyPreference(2) { TruncationSize = 0, Preview = 20 };

        var body = await BodyAsync(TestMessages.HtmlOnly(Html), Options(ProtocolVersion.V141, preference));
        var old = await BodyAsync(TestMessages.HtmlOnly(Html), Options(ProtocolVersion.V121, preference));

        Assert.Equal("Hello Bob & team, ca", body.Value(AirSyncBase.Preview));
        Assert.Null(old.Element(AirSyncBase.Preview));
    }

    [Fact]
    public async Task Body_PreviewAbove255_IsCappedAt255()
    {
        var body = await BodyAsync(TestMessages.Plain(new string('z', 1000)), Options(ProtocolVersion.V161, new BodyPreference(1) { TruncationSize = 10, Preview = 1000 }));

        Assert.Equal(255, body.Value(AirSyncBase.Preview)!.Length);
    }

    [Theory]
    [InlineData("; charset=windows-1252")]
    [InlineData("; charset=iso-8859-1")]
    [InlineData("")]
    public async Task Body_Windows1252Text_ReachesTheDeviceAsUnicode(string charset)
    {
        var data = await ApplicationDataAsync(TestMessages.Windows1252(charset), Options(ProtocolVersion.V141, new BodyPreference(1)));

        Assert.Equal("\u201CCaf\u00E9\u201D costs 3 \u20AC", data.Element(AirSyncBase.Body)!.Value(AirSyncBase.Data)!.TrimEnd());
        Assert.Equal("Caf\u00E9", data.Value(Email.Subject));
    }

    [Fact]
    public async Task Body_Iso885915_ReachesTheDeviceAsUnicode()
    {
        var mime = TestMessages.Raw("From: a@example.org\nSubject: Euro\nContent-Type: text/plain; charset=iso-8859-15\nContent-Transfer-Encoding: quoted-printable\n\n5 =A4 =E0 payer\n");

        var body = await BodyAsync(mime, Options(ProtocolVersion.V141, new BodyPreference(2)));

        Assert.Contains("5 \u20AC \u00E0 payer", body.Value(AirSyncBase.Data));
    }

    [Fact]
    public async Task Body_UndeclaredUtf8_IsReadAsUtf8()
    {
        var mime = TestMessages.Utf8("From: a@example.org\nSubject: Grüße\n\nGrüße aus Köln\n");

        var data = await ApplicationDataAsync(mime, Options(ProtocolVersion.V141, new BodyPreference(1)));

        Assert.Equal("Grüße aus Köln", data.Element(AirSyncBase.Body)!.Value(AirSyncBase.Data)!.TrimEnd());
        Assert.Equal("Grüße", data.Value(Email.Subject));
    }

    [Fact]
    public async Task Body_TwoMegabyteBody_IsCutToTheTruncationSize()
    {
        var text = string.Concat(Enumerable.Repeat("Zwei Megabyte Text mit Umlauten: äöü. ", 2 * 1024 * 1024 / 40));
        var message = new MimeMessage { Subject = "Big", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse("a@example.org"));

        var body = await BodyAsync(TestMessages.Bytes(message), Options(ProtocolVersion.V161, new BodyPreference(1) { TruncationSize = 5120 }, new BodyPreference(2) { TruncationSize = 5120 }));

        Assert.Equal("2", body.Value(AirSyncBase.Type));
        Assert.InRange(DataBytes(body), 5000, 5120);
        Assert.InRange(long.Parse(body.Value(AirSyncBase.EstimatedDataSize)!), Encoding.UTF8.GetByteCount(text), 3 * 1024 * 1024);
    }

    [Fact]
    public async Task Body_MimeSupportAlways_SendsTheStoredMessage()
    {
        var mime = TestMessages.Alternative("text", Html);
        var options = Options(ProtocolVersion.V141, new BodyPreference(2), new BodyPreference(4)) with { MimeSupport = 2 };

        var body = await BodyAsync(mime, options);

        Assert.Equal("4", body.Value(AirSyncBase.Type));
        Assert.Equal(Encoding.UTF8.GetString(mime), body.Value(AirSyncBase.Data));
        Assert.Equal(mime.Length.ToString(), body.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Body_MimeSupportSmimeOnly_SendsMimeForSignedMessagesOnly()
    {
        var options = Options(ProtocolVersion.V141, new BodyPreference(2), new BodyPreference(4)) with { MimeSupport = 1 };

        var signed = await BodyAsync(TestMessages.SmimeSigned(), options);
        var plain = await BodyAsync(TestMessages.Plain(), options);

        Assert.Equal("4", signed.Value(AirSyncBase.Type));
        Assert.Equal(Encoding.ASCII.GetString(TestMessages.SmimeSigned()), signed.Value(AirSyncBase.Data));
        Assert.Equal("2", plain.Value(AirSyncBase.Type));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4096)]
    [InlineData(4, 10240)]
    public async Task Body_MimeTruncationCode_CutsTheMime(int code, int size)
    {
        var mime = TestMessages.Plain(new string('m', 30000));
        var options = Options(ProtocolVersion.V120) with { MimeSupport = 2, MimeTruncation = code };

        var body = await BodyAsync(mime, options);

        Assert.Equal("4", body.Value(AirSyncBase.Type));
        Assert.Equal(size, DataBytes(body));
        Assert.Equal("1", body.Value(AirSyncBase.Truncated));
        Assert.Equal(mime.Length.ToString(), body.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Body_MimePreferenceWithoutMimeSupport_StillSendsMime()
    {
        var body = await BodyAsync(TestMessages.Plain(), Options(ProtocolVersion.V141, new BodyPreference(4)));

        Assert.Equal("4", body.Value(AirSyncBase.Type));
    }

    [Fact]
    public async Task Body_RawLatin1Mime_IsReencodedToSevenBits()
    {
        var body = await BodyAsync(TestMessages.Windows1252("; charset=windows-1252"), Options(ProtocolVersion.V141) with { MimeSupport = 2 });

        var mime = body.Value(AirSyncBase.Data)!;
        Assert.True(mime.All(char.IsAscii));
        var reparsed = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(mime)));
        Assert.Equal("\u201CCaf\u00E9\u201D costs 3 \u20AC", reparsed.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task Body_TextOnlyPolicy_SendsPlainTextEvenWhenHtmlOrMimeIsAsked()
    {
        var options = Options(ProtocolVersion.V141, new BodyPreference(2), new BodyPreference(4)) with { TextOnly = true, MimeSupport = 2 };

        var body = await BodyAsync(TestMessages.HtmlOnly(Html), options);

        Assert.Equal("1", body.Value(AirSyncBase.Type));
    }

    [Fact]
    public async Task Body_MaxBodySizePolicy_CapsTheTruncation()
    {
        var options = Options(ProtocolVersion.V141, new BodyPreference(1) { TruncationSize = 1000 }) with { MaxBodySize = 50 };

        var body = await BodyAsync(TestMessages.Plain(new string('p', 400)), options);

        Assert.Equal(50, DataBytes(body));
        Assert.Equal("1", body.Value(AirSyncBase.Truncated));
    }

    [Fact]
    public async Task Body_ZeroBytesInTheText_AreDroppedNotSentIntoTheWbxml()
    {
        var mime = TestMessages.Raw("From: a@example.org\nSubject: a\u0000b\nContent-Type: text/plain; charset=utf-8\n\nbefore\u0000after\n");

        var data = await ApplicationDataAsync(mime, Options(ProtocolVersion.V141, new BodyPreference(1)));

        Assert.Equal("beforeafter", data.Element(AirSyncBase.Body)!.Value(AirSyncBase.Data)!.TrimEnd());
        Assert.Equal("ab", data.Value(Email.Subject));
    }
}
