using System.Text;
using System.Text.Unicode;
using MimeKit;
using MimeKit.Cryptography;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Mail;
using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>
/// Picks the body a client gets (MS-ASAIRS 3.2.5.1): the first of its BodyPreferences the message can be
/// given in (MIME only where MIMESupport allows; RTF never), cut to its TruncationSize, or left out
/// whole with AllOrNone; plain text when it stated nothing.
/// </summary>
internal static class BodyChooser
{
    private const int PlainText = 1;
    private const int Html = 2;
    private const int Rtf = 3;
    private const int Mime = 4;

    // MS-ASCMD 2.2.3.109: the 12.x MIMETruncation codes.
    private static readonly long?[] MimeTruncationSizes = [0, 4096, 5120, 7168, 10240, 20480, 51200, 102400, null];

    public static EmailBody Choose(MimeMessage message, byte[] rawMime, EmailOptions options)
    {
        var preferences = options.BodyPreferences.Where(p => p.Type != Rtf).ToList();
        var isSigned = IsSmime(message);
        var preference = preferences.FirstOrDefault(p => p.Type switch
        {
            Mime => !options.TextOnly && (options.MimeSupport != 1 || isSigned),
            Html => !options.TextOnly,
            _ => true,
        });
        if (preference is null && options.MimeSupport == 2 && !options.TextOnly)
        {
            preference = new BodyPreference(Mime);
        }

        preference ??= new BodyPreference(PlainText);
        var limit = Min(preference.TruncationSize, options.MaxBodySize);
        if (preference.Type == Mime && limit is null && options.MimeTruncation is { } code && code is >= 0 and < 9)
        {
            limit = MimeTruncationSizes[code];
        }

        var preview = preference.Preview is { } length && options.Version >= ProtocolVersion.V140
            ? Truncation.Text(PlainOf(message).ReplaceLineEndings(" "), Math.Clamp(length, 0, 255))
            : null;
        return preference.Type switch
        {
            Mime => MimeBody(rawMime, limit, preference.AllOrNone, preview),
            Html => TextBody(Html, HtmlOf(message), limit, preference.AllOrNone, preview),
            _ => TextBody(PlainText, PlainOf(message), limit, preference.AllOrNone, preview),
        };
    }

    public static int NativeType(MimeMessage message) => message.HtmlBody is not null ? Html : PlainText;

    public static bool IsSmime(MimeMessage message) =>
        message.Body is MultipartSigned || message.Body is ApplicationPkcs7Mime;

    public static string PlainOf(MimeMessage message) =>
        message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.ToPlainText(html) : "");

    private static string HtmlOf(MimeMessage message) =>
        message.HtmlBody ?? new MimeKit.Text.TextToHtml().Convert(message.TextBody ?? "");

    private static EmailBody TextBody(int type, string text, long? limit, bool allOrNone, string? preview)
    {
        var size = Encoding.UTF8.GetByteCount(text);
        if (limit is not { } max || size <= max)
        {
            return new EmailBody(type, size, false, text, preview);
        }

        if (allOrNone)
        {
            return new EmailBody(type, size, true, null, preview);
        }

        return new EmailBody(type, size, true, type == Html ? Truncation.Html(text, max) : Truncation.Text(text, max), preview);
    }

    private static EmailBody MimeBody(byte[] raw, long? limit, bool allOrNone, string? preview)
    {
        var truncated = limit is { } max && raw.Length > max;
        if (truncated && allOrNone)
        {
            return new EmailBody(Mime, raw.Length, true, null, preview);
        }

        var length = truncated ? (int)limit!.Value : raw.Length;
        var slice = raw.AsSpan(0, length);
        // MIME that is not valid UTF-8 (8-bit legacy charsets) travels as opaque bytes, so no byte is altered.
        return Utf8.IsValid(slice)
            ? new EmailBody(Mime, raw.Length, truncated, Encoding.UTF8.GetString(slice), preview)
            : new EmailBody(Mime, raw.Length, truncated, null, preview, slice.ToArray());
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
