using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// Decodes text parts to Unicode whatever their charset, so that every body reaches the device as
/// UTF-8 (windows-1252 and ISO-8859-x bodies broke Android and Outlook: tine20 #7189, #5132).
/// </summary>
internal static class TextCharsets
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>windows-1252: what mail labelled ISO-8859-1 or nothing really is (the WHATWG mapping).</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>
    /// The part's text. A declared charset is used, ISO-8859-1 read as its superset windows-1252;
    /// an undeclared, US-ASCII or unknown one is tried as UTF-8, then read as windows-1252.
    /// Format=flowed text is unwrapped (RFC 3676).
    /// </summary>
    public static string Decode(TextPart part)
    {
        var text = DeclaredEncoding(part.ContentType.Charset) is { } encoding ? part.GetText(encoding) : DecodeUndeclared(part);
        return part.IsFlowed ? Unflow(part, text) : text;
    }

    private static string DecodeUndeclared(TextPart part)
    {
        try
        {
            return part.GetText(StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            return part.GetText(Windows1252);
        }
    }

    private static Encoding? DeclaredEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"').ToLowerInvariant();
        switch (name)
        {
            case "us-ascii" or "ascii" or "ansi_x3.4-1968" or "x-unknown" or "unknown-8bit":
                return null;
            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "windows-1252" or "cp1252":
                return Windows1252;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Unflow(TextPart part, string text)
    {
        var delSp = part.ContentType.Parameters["delsp"] is { } value && value.Equals("yes", StringComparison.OrdinalIgnoreCase);
        return new FlowedToText { DeleteSpace = delSp }.Convert(text);
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
