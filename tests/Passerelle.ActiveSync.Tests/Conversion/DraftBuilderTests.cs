using System.Text;
using MimeKit;
using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class DraftBuilderTests
{
    private static WbxmlElement ApplicationData(string children) => WbxmlDocument.Parse(WbxmlXml.FromXml(
        $"""<ApplicationData xmlns="AirSync:" xmlns:email="Email:" xmlns:email2="Email2:" xmlns:airsyncbase="AirSyncBase:">{children}</ApplicationData>"""));

    [Fact]
    public void Build_TextDraft_HasTheHeadersAndTheText()
    {
        var data = ApplicationData("""
            <email:To>"Bob Stone" &lt;bob@example.com&gt;; carol@example.com</email:To>
            <email:Cc>dave@example.net</email:Cc>
            <email2:Bcc>hidden@example.com</email2:Bcc>
            <email:Subject>Lunch?</email:Subject>
            <email:Importance>2</email:Importance>
            <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Friday at noon?</airsyncbase:Data></airsyncbase:Body>
            """);

        var message = DraftBuilder.Build(data, "alice@example.org", "Alice Martin");

        Assert.Equal("\"Alice Martin\" <alice@example.org>", message.From.ToString());
        Assert.Equal(["bob@example.com", "carol@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Bob Stone", message.To.Mailboxes.First().Name);
        Assert.Equal("dave@example.net", message.Cc.Mailboxes.Single().Address);
        Assert.Equal("hidden@example.com", message.Bcc.Mailboxes.Single().Address);
        Assert.Equal("Lunch?", message.Subject);
        Assert.Equal(MessageImportance.High, message.Importance);
        Assert.Equal("Friday at noon?", message.TextBody);
        Assert.Null(message.HtmlBody);
        Assert.EndsWith("@example.org", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HtmlDraft_HasHtmlAndATextAlternative()
    {
        var data = ApplicationData("""
            <email:To>bob@example.com</email:To>
            <airsyncbase:Body><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:Data>&lt;p&gt;Hello &lt;b&gt;Bob&lt;/b&gt;&lt;/p&gt;</airsyncbase:Data></airsyncbase:Body>
            """);

        var message = DraftBuilder.Build(data, "alice@example.org", "Alice");

        Assert.True(message.Body!.ContentType.IsMimeType("multipart", "alternative"));
        Assert.Equal("<p>Hello <b>Bob</b></p>", message.HtmlBody);
        Assert.Equal("Hello Bob", message.TextBody);
    }

    [Fact]
    public void Build_AddedAttachment_IsInTheMimeWithItsNumber()
    {
        var pdf = "%PDF-1.4 draft"u8.ToArray();
        var data = Write(writer =>
        {
            writer.WriteElement(Email.To, "bob@example.com");
            writer.WriteStartElement(AirSyncBase.Body);
            writer.WriteElement(AirSyncBase.Type, 1);
            writer.WriteElement(AirSyncBase.Data, "See attached.");
            writer.WriteEndElement();
            writer.WriteStartElement(AirSyncBase.Attachments);
            writer.WriteStartElement(AirSyncBase.Add);
            writer.WriteElement(AirSyncBase.ClientId, "c-1");
            writer.WriteElement(AirSyncBase.DisplayName, "plan.pdf");
            writer.WriteElement(AirSyncBase.Method, 1);
            writer.WriteElement(AirSyncBase.ContentType, "application/pdf");
            writer.WriteOpaque(AirSyncBase.Content, pdf);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

        var draft = DraftBuilder.Build(data, "alice@example.org", "Alice", previous: null, previousFileReferencePrefix: null);

        var attachment = draft.Message.Attachments.OfType<MimePart>().Single();
        Assert.Equal("plan.pdf", attachment.FileName);
        Assert.Equal(pdf, Decode(attachment));
        Assert.Equal([new DraftAttachment("c-1", 0)], draft.Added);
        Assert.Equal("See attached.", draft.Message.TextBody);
    }

    [Fact]
    public void Build_InlineAttachmentAsBase64Text_IsALinkedResource()
    {
        var data = ApplicationData("""
            <airsyncbase:Body><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:Data>&lt;img src="cid:logo"&gt;</airsyncbase:Data></airsyncbase:Body>
            <airsyncbase:Attachments><airsyncbase:Add>
              <airsyncbase:ClientId>c-2</airsyncbase:ClientId>
              <airsyncbase:DisplayName>logo.png</airsyncbase:DisplayName>
              <airsyncbase:Method>1</airsyncbase:Method>
              <airsyncbase:Content>iVBORw0KGgo=</airsyncbase:Content>
              <airsyncbase:ContentId>logo</airsyncbase:ContentId>
              <airsyncbase:IsInline>1</airsyncbase:IsInline>
            </airsyncbase:Add></airsyncbase:Attachments>
            """);

        var message = DraftBuilder.Build(data, "alice@example.org", "Alice");

        var logo = message.BodyParts.OfType<MimePart>().Single(p => p.ContentId == "logo");
        Assert.Equal("image/png", logo.ContentType.MimeType);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), Decode(logo));
        Assert.Contains("multipart/related", Encoding.ASCII.GetString(TestMessages.Bytes(message)), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ChangeOfADraft_KeepsWhatItLeavesOutAndTheAttachmentsNotDeleted()
    {
        var previous = DraftBuilder.Build(Write(writer =>
        {
            writer.WriteElement(Email.To, "bob@example.com");
            writer.WriteElement(Email.Subject, "Plan");
            writer.WriteStartElement(AirSyncBase.Attachments);
            foreach (var name in new[] { "a.txt", "b.txt" })
            {
                writer.WriteStartElement(AirSyncBase.Add);
                writer.WriteElement(AirSyncBase.ClientId, name);
                writer.WriteElement(AirSyncBase.DisplayName, name);
                writer.WriteOpaque(AirSyncBase.Content, Encoding.ASCII.GetBytes(name));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }), "alice@example.org", "Alice");
        var change = ApplicationData("""
            <email:Subject>Plan v2</email:Subject>
            <airsyncbase:Attachments><airsyncbase:Delete><airsyncbase:FileReference>7:3:0</airsyncbase:FileReference></airsyncbase:Delete></airsyncbase:Attachments>
            """);

        var draft = DraftBuilder.Build(change, "alice@example.org", "Alice", previous, "7:3");

        Assert.Equal("Plan v2", draft.Message.Subject);
        Assert.Equal("bob@example.com", draft.Message.To.Mailboxes.Single().Address);
        Assert.Equal(["b.txt"], draft.Message.Attachments.OfType<MimePart>().Select(p => p.FileName));
    }

    [Theory]
    [InlineData("<email:To>not an address &lt;</email:To>")]
    [InlineData("<airsyncbase:Body><airsyncbase:Type>3</airsyncbase:Type><airsyncbase:Data>x</airsyncbase:Data></airsyncbase:Body>")]
    [InlineData("<email:Importance>9</email:Importance>")]
    public void Build_InvalidValue_ThrowsConversionException(string children)
    {
        Assert.Throws<ConversionException>(() => DraftBuilder.Build(ApplicationData(children), "alice@example.org", "Alice"));
    }

    private static WbxmlElement Write(Action<WbxmlWriter> children)
    {
        using var output = new MemoryStream();
        var writer = new WbxmlWriter(output);
        writer.WriteStartElement(AirSync.ApplicationData);
        children(writer);
        writer.WriteEndElement();
        writer.Flush();
        return WbxmlDocument.Parse(output.ToArray());
    }

    private static byte[] Decode(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
    }
}
