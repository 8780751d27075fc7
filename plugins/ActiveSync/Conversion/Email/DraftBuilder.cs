using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>
/// The MIME of a draft a 16.x device adds or changes in Drafts (MS-ASEMAIL 3.1.5.4): To, Cc, Bcc,
/// Subject, Importance, Body (type 1 or 2) and the attachments of airsyncbase:Attachments/Add.
/// </summary>
internal static class DraftBuilder
{
    /// <summary>A new draft from a Sync Add.</summary>
    /// <exception cref="ConversionException">An address, the body type or an attachment is invalid.</exception>
    public static MimeMessage Build(WbxmlElement applicationData, string fromAddress, string fromName) =>
        Build(applicationData, fromAddress, fromName, previous: null, previousFileReferencePrefix: null).Message;

    /// <summary>
    /// A draft from a Sync Add, or from a Sync Change of <paramref name="previous"/>: what the change
    /// leaves out is kept from it, and so are its attachments but those named in
    /// airsyncbase:Attachments/Delete (by the FileReference they were listed under). Kept parts are
    /// shared with <paramref name="previous"/>: if it was parsed persistently, keep its stream open until
    /// the new message is written.
    /// </summary>
    /// <exception cref="ConversionException">An address, the body type or an attachment is invalid.</exception>
    public static Draft Build(WbxmlElement applicationData, string fromAddress, string fromName, MimeMessage? previous, string? previousFileReferencePrefix)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.AddRange(Addresses(applicationData, Email.To, previous?.To));
        message.Cc.AddRange(Addresses(applicationData, Email.Cc, previous?.Cc));
        message.Bcc.AddRange(Addresses(applicationData, Email2.Bcc, previous?.Bcc));
        message.Subject = applicationData.Value(Email.Subject) ?? previous?.Subject ?? "";
        message.Importance = Importance(applicationData, previous);
        message.MessageId = MimeUtils.GenerateMessageId(DomainOf(fromAddress));

        var builder = new BodyBuilder();
        SetBody(builder, applicationData.Element(AirSyncBase.Body), previous);
        var kept = KeepAttachments(builder, applicationData, previous, previousFileReferencePrefix);
        var added = AddAttachments(builder, applicationData);
        message.Body = builder.ToMessageBody();

        var catalog = AttachmentCatalog.List(message);
        var numbered = added.Select(a => new DraftAttachment(a.ClientId, IndexOf(catalog, a.Entity))).ToList();
        return new Draft(message, numbered, kept);
    }

    private static IEnumerable<InternetAddress> Addresses(WbxmlElement data, WbxmlTag tag, InternetAddressList? previous)
    {
        if (data.Value(tag) is not { } text)
        {
            return previous?.ToList() ?? [];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Outlook and some phones separate addresses with semicolons.
        if (InternetAddressList.TryParse(text, out var list) || InternetAddressList.TryParse(text.Replace(';', ','), out list))
        {
            return list;
        }

        throw new ConversionException($"{tag} is '{text}', not a list of addresses");
    }

    private static MessageImportance Importance(WbxmlElement data, MimeMessage? previous) => data.Value(Email.Importance)?.Trim() switch
    {
        null => previous?.Importance ?? MessageImportance.Normal,
        "0" => MessageImportance.Low,
        "1" => MessageImportance.Normal,
        "2" => MessageImportance.High,
        var other => throw new ConversionException($"Importance is '{other}', not 0, 1 or 2"),
    };

    private static void SetBody(BodyBuilder builder, WbxmlElement? body, MimeMessage? previous)
    {
        if (body is null)
        {
            builder.TextBody = previous?.TextBody;
            builder.HtmlBody = previous?.HtmlBody;
            return;
        }

        var data = body.Value(AirSyncBase.Data) ?? "";
        switch (body.Value(AirSyncBase.Type)?.Trim())
        {
            case "1" or null:
                builder.TextBody = data;
                break;
            case "2":
                builder.HtmlBody = data;
                builder.TextBody = HtmlToText.Convert(data); // recipients without HTML read the text alternative
                break;
            case var type:
                throw new ConversionException($"a draft's body Type is '{type}'; only 1 (text) and 2 (HTML) are accepted");
        }
    }

    private static List<MimeEntity> KeepAttachments(BodyBuilder builder, WbxmlElement data, MimeMessage? previous, string? prefix)
    {
        var kept = new List<MimeEntity>();
        if (previous is null)
        {
            return kept;
        }

        var deleted = data.Element(AirSyncBase.Attachments)?.Elements(AirSyncBase.Delete)
            .Select(d => d.Value(AirSyncBase.FileReference)).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var attachments = AttachmentCatalog.List(previous);
        for (var index = 0; index < attachments.Count; index++)
        {
            if (!deleted.Contains($"{prefix}:{index}"))
            {
                var entity = attachments[index];
                (IsLinked(entity) ? builder.LinkedResources : builder.Attachments).Add(entity);
                kept.Add(entity);
            }
        }

        return kept;
    }

    private static List<(string ClientId, MimeEntity Entity)> AddAttachments(BodyBuilder builder, WbxmlElement data)
    {
        var added = new List<(string, MimeEntity)>();
        foreach (var add in data.Element(AirSyncBase.Attachments)?.Elements(AirSyncBase.Add) ?? [])
        {
            var clientId = add.Value(AirSyncBase.ClientId) ?? "";
            var name = add.Value(AirSyncBase.DisplayName) is { Length: > 0 } displayName ? displayName : "attachment";
            var contentType = add.Value(AirSyncBase.ContentType) is { Length: > 0 } type && ContentType.TryParse(type, out var parsed)
                ? parsed
                : ContentType.Parse(MimeTypes.GetMimeType(name));
            var content = Content(add);
            var inline = add.Value(AirSyncBase.IsInline)?.Trim() == "1";
            var entity = (inline ? builder.LinkedResources : builder.Attachments).Add(name, content, contentType);
            if (add.Value(AirSyncBase.ContentId) is { Length: > 0 } contentId)
            {
                entity.ContentId = contentId.Trim('<', '>');
            }

            if (add.Value(AirSyncBase.ContentLocation) is { Length: > 0 } location && Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var uri))
            {
                entity.ContentLocation = uri;
            }

            added.Add((clientId, entity));
        }

        return added;
    }

    /// <summary>airsyncbase:Content is a byte array (opaque); a client sending text sends base64, or else the text itself.</summary>
    private static byte[] Content(WbxmlElement add)
    {
        var element = add.Element(AirSyncBase.Content) ?? throw new ConversionException("an attachment to add has no Content");
        if (element.Opaque is { } opaque)
        {
            return opaque.ToArray();
        }

        var text = element.Text ?? "";
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) ? buffer[..length] : Encoding.UTF8.GetBytes(text);
    }

    private static bool IsLinked(MimeEntity entity) =>
        entity.ContentId is not null && entity.ContentDisposition?.Disposition != ContentDisposition.Attachment;

    private static int IndexOf(IReadOnlyList<MimeEntity> catalog, MimeEntity entity)
    {
        for (var i = 0; i < catalog.Count; i++)
        {
            if (ReferenceEquals(catalog[i], entity))
            {
                return i;
            }
        }

        return -1;
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";
    }
}

/// <summary>A built draft, and where its attachments went.</summary>
/// <param name="Message">The MIME to store.</param>
/// <param name="Added">The attachments the device added, with their numbers for FileReference (answered with the ClientId).</param>
/// <param name="Kept">The previous draft's attachments kept.</param>
internal sealed record Draft(MimeMessage Message, IReadOnlyList<DraftAttachment> Added, IReadOnlyList<MimeEntity> Kept);

/// <summary>An attachment a device added to a draft: its ClientId and its number.</summary>
internal sealed record DraftAttachment(string ClientId, int Index);
