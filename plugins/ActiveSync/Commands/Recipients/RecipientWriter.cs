using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>One Recipient of a ResolveRecipients response, in the schema's order: Type, DisplayName, EmailAddress, Availability, Certificates, Picture.</summary>
internal static class RecipientWriter
{
    // MS-ASCMD 2.2.3.185.1: 1 is a GAL entry, 2 a contact. The GAL provider merges both, so every entry is 1.
    private const int GalRecipient = 1;

    public static void Write(WbxmlWriter writer, GalEntry entry, string? mergedFreeBusy, (int Status, IReadOnlyList<byte[]> Certificates)? certificates, GalPicture? picture)
    {
        writer.WriteStartElement(ResolveRecipients.Recipient);
        writer.WriteElement(ResolveRecipients.Type, GalRecipient);
        writer.WriteElement(ResolveRecipients.DisplayName, WbxmlText.Safe(entry.DisplayName));
        writer.WriteElement(ResolveRecipients.EmailAddress, entry.EmailAddress);
        if (mergedFreeBusy is not null)
        {
            writer.WriteStartElement(ResolveRecipients.Availability);
            writer.WriteElement(ResolveRecipients.Status, 1);
            writer.WriteElement(ResolveRecipients.MergedFreeBusy, mergedFreeBusy);
            writer.WriteEndElement();
        }

        if (certificates is var (status, list))
        {
            writer.WriteStartElement(ResolveRecipients.Certificates);
            writer.WriteElement(ResolveRecipients.Status, status);
            writer.WriteElement(ResolveRecipients.CertificateCount, list.Count);
            foreach (var certificate in list)
            {
                // Mini certificates (CertificateRetrieval 3) are not made: the full one serves the same purpose.
                writer.WriteElement(ResolveRecipients.Certificate, Convert.ToBase64String(certificate));
            }

            writer.WriteEndElement();
        }

        if (picture is not null)
        {
            writer.WriteStartElement(ResolveRecipients.Picture);
            writer.WriteElement(ResolveRecipients.Status, (int)picture.Status);
            if (picture is { Status: GalPictureStatus.Success, Data: { } data })
            {
                writer.WriteElement(ResolveRecipients.Data, Convert.ToBase64String(data));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
