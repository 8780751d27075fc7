using System.Text;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Tests.Conversion;

/// <summary>Runs a message through EmailReader and the WBXML writer, and decodes what a device would receive.</summary>
internal static class EmailWbxml
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 3, 2, 9, 15, 30, 250, TimeSpan.Zero);

    public static MailMessage Message(MessageFlags flags = MessageFlags.None) => new("42", "inbox", flags, ReceivedAt, 1000);

    public static EmailOptions Options(ProtocolVersion version, params BodyPreference[] preferences) => new() { Version = version, BodyPreferences = preferences };

    public static async Task<EmailItem> ReadAsync(byte[] mime, EmailOptions options, MailMessage? message = null)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return await EmailReader.ReadAsync(message ?? Message(), stream, options, "5:42", CancellationToken.None);
    }

    /// <summary>The airsync:ApplicationData a device decodes.</summary>
    public static async Task<WbxmlElement> ApplicationDataAsync(byte[] mime, EmailOptions options, MailMessage? message = null) =>
        Write(await ReadAsync(mime, options, message));

    public static WbxmlElement Write(EmailItem item) => Wrap(item.WriteApplicationData);

    public static WbxmlElement Wrap(Action<WbxmlWriter> write)
    {
        using var output = new MemoryStream();
        var writer = new WbxmlWriter(output);
        writer.WriteStartElement(AirSync.ApplicationData);
        write(writer);
        writer.WriteEndElement();
        writer.Flush();
        return WbxmlDocument.Parse(output.ToArray());
    }

    /// <summary>The UTF-8 size of the body's Data, as a device counts it.</summary>
    public static int DataBytes(WbxmlElement body) => Encoding.UTF8.GetByteCount(body.Value(AirSyncBase.Data) ?? "");
}
