using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>
/// A message's readable body: its text/plain and text/html parts, decoded to Unicode, and each made
/// from the other when missing (HTML to text; text escaped into HTML). Conversions run only when asked.
/// </summary>
internal sealed class MessageText
{
    private readonly TextPart? _plainPart;
    private readonly TextPart? _htmlPart;
    private string? _plain;
    private string? _html;

    private MessageText(TextPart? plainPart, TextPart? htmlPart)
    {
        _plainPart = plainPart;
        _htmlPart = htmlPart;
    }

    /// <summary>MS-ASAIRS 2.2.2.32: 2 when the message has HTML, else 1.</summary>
    public int NativeBodyType => _htmlPart is not null ? BodyChoice.Html : BodyChoice.PlainText;

    /// <summary>The plain text, with CRLF line ends as Exchange sends them.</summary>
    public string Plain => _plain ??= _plainPart is not null ? WbxmlText.Safe(TextCharsets.Decode(_plainPart)).ReplaceLineEndings("\r\n")
        : _htmlPart is not null ? HtmlToText.Convert(Html)
        : "";

    public string Html => _html ??= _htmlPart is not null ? WbxmlText.Safe(TextCharsets.Decode(_htmlPart)) : TextToHtml.Convert(Plain);

    /// <summary>
    /// Finds the body parts as mail readers do: in multipart/alternative the last HTML and the
    /// first plain text, in multipart/related its root, in multipart/signed the signed content, in
    /// other multiparts the first child that has a body. Text parts with a file name or an
    /// attachment disposition are attachments, not the body.
    /// </summary>
    public static MessageText Find(MimeMessage message)
    {
        TextPart? plain = null, html = null;
        if (message.Body is { } body)
        {
            Visit(body, ref plain, ref html);
        }

        return new MessageText(plain, html);
    }

    /// <summary>Whether a part is body text rather than an attachment.</summary>
    public static bool IsBodyText(MimeEntity entity) =>
        entity is TextPart text && !text.IsAttachment && text.FileName is null;

    private static void Visit(MimeEntity entity, ref TextPart? plain, ref TextPart? html)
    {
        switch (entity)
        {
            case MultipartAlternative alternative:
                foreach (var child in alternative)
                {
                    TextPart? childPlain = null, childHtml = null;
                    Visit(child, ref childPlain, ref childHtml);
                    plain ??= childPlain;
                    html = childHtml ?? html;
                }

                break;
            case MultipartRelated related when related.Root is { } root:
                Visit(root, ref plain, ref html);
                break;
            case Multipart multipart:
                var signed = multipart.ContentType.IsMimeType("multipart", "signed");
                foreach (var child in multipart)
                {
                    Visit(child, ref plain, ref html);
                    if (signed || plain is not null || html is not null)
                    {
                        break;
                    }
                }

                break;
            case TextPart text when IsBodyText(text):
                if (text.IsHtml)
                {
                    html ??= text;
                }
                else if (text.IsPlain)
                {
                    plain ??= text;
                }

                break;
        }
    }
}
