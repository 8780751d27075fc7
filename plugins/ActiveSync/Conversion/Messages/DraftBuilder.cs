using MimeKit;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>Builds the MIME of a 16.x draft from what the device sends in Drafts (MS-ASEMAIL 3.1.5.3.1).</summary>
internal static class DraftBuilder
{
    public static MimeMessage Build(WbxmlElement applicationData, string fromAddress, string fromName)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        AddAll(message.To, applicationData.Value(Email.To));
        AddAll(message.Cc, applicationData.Value(Email.Cc));
        AddAll(message.Bcc, applicationData.Value(Email2.Bcc));
        message.Subject = applicationData.Value(Email.Subject) ?? "";
        message.Importance = applicationData.Int(Email.Importance) switch
        {
            0 => MessageImportance.Low,
            2 => MessageImportance.High,
            _ => MessageImportance.Normal,
        };
        var body = applicationData.Element(AirSyncBase.Body);
        var data = body?.Value(AirSyncBase.Data) ?? "";
        message.Body = body?.Int(AirSyncBase.Type) == 2
            ? new TextPart("html") { Text = data }
            : new TextPart("plain") { Text = data };
        return message;
    }

    private static void AddAll(InternetAddressList list, string? addresses)
    {
        if (!string.IsNullOrWhiteSpace(addresses) && InternetAddressList.TryParse(addresses, out var parsed))
        {
            list.AddRange(parsed);
        }
    }
}
