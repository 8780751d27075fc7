using System.Text.RegularExpressions;
using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>The email:MessageClass of a message (MS-ASEMAIL 2.2.2.49), from its MIME structure.</summary>
internal static partial class MessageClassifier
{
    public const string Note = "IPM.Note";
    public const string Smime = "IPM.Note.SMIME";
    public const string SmimeMultipartSigned = "IPM.Note.SMIME.MultipartSigned";
    public const string MeetingRequest = "IPM.Schedule.Meeting.Request";

    public static string Classify(MimeMessage message)
    {
        var body = message.Body;
        if (IsMultipartSigned(body))
        {
            return SmimeMultipartSigned;
        }

        if (IsPkcs7Mime(body))
        {
            return Smime;
        }

        return message.BodyParts.OfType<TextPart>().Any(IsMeetingRequest) ? MeetingRequest : Note;
    }

    /// <summary>Whether a device that asks MIME for S/MIME only (MIMESupport 1) gets this message as MIME.</summary>
    public static bool IsSmime(MimeMessage message) => IsMultipartSigned(message.Body) || IsPkcs7Mime(message.Body);

    private static bool IsMultipartSigned(MimeEntity? body) =>
        body is not null && body.ContentType.IsMimeType("multipart", "signed")
        && body.ContentType.Parameters["protocol"] is { } protocol && protocol.Contains("pkcs7-signature", StringComparison.OrdinalIgnoreCase);

    private static bool IsPkcs7Mime(MimeEntity? body) =>
        body is not null && (body.ContentType.IsMimeType("application", "pkcs7-mime") || body.ContentType.IsMimeType("application", "x-pkcs7-mime"));

    // RFC 5546 3.2: an invitation is METHOD:REQUEST, in the Content-Type or in the calendar itself.
    private static bool IsMeetingRequest(TextPart part)
    {
        if (!part.ContentType.IsMimeType("text", "calendar"))
        {
            return false;
        }

        if (part.ContentType.Parameters["method"] is { } method)
        {
            return method.Equals("REQUEST", StringComparison.OrdinalIgnoreCase);
        }

        return RequestMethod().IsMatch(TextCharsets.Decode(part));
    }

    [GeneratedRegex(@"^METHOD:REQUEST\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex RequestMethod();
}
