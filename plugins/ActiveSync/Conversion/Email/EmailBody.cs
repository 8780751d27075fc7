using System.Text;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>airsyncbase:Body as sent (MS-ASAIRS 2.2.2.9).</summary>
/// <param name="Type">1 plain text, 2 HTML, 4 MIME.</param>
/// <param name="EstimatedDataSize">The full size in bytes of this representation.</param>
/// <param name="Truncated">Whether <paramref name="Data"/> is less than all of it.</param>
/// <param name="Data">What is sent; null sends no Data (AllOrNone over the limit).</param>
/// <param name="Preview">The plain-text preview (14.0+), or null.</param>
internal sealed record EmailBody(int Type, long EstimatedDataSize, bool Truncated, string? Data, string? Preview)
{
    public void Write(WbxmlWriter writer)
    {
        writer.WriteStartElement(AirSyncBase.Body);
        writer.WriteElement(AirSyncBase.Type, Type);
        writer.WriteElement(AirSyncBase.EstimatedDataSize, EstimatedDataSize);
        if (Truncated)
        {
            // MS-ASAIRS: Truncated is optional and its absence means the whole body, as Exchange sends it.
            writer.WriteElement(AirSyncBase.Truncated, 1);
        }

        if (Data is not null)
        {
            writer.WriteElement(AirSyncBase.Data, Data);
        }

        if (Preview is not null)
        {
            writer.WriteElement(AirSyncBase.Preview, Preview);
        }

        writer.WriteEndElement();
    }

    /// <summary>The body of the chosen type, cut as the choice says.</summary>
    public static EmailBody Create(BodyChoice choice, MessageText text, Func<long?, (string Mime, long Size)> mime, bool withPreview)
    {
        var preview = withPreview && choice.Preview is { } length ? PreviewOf(text.Plain, length) : null;
        if (choice.Type == BodyChoice.Mime)
        {
            // MIME is sent as a string of its (7-bit or UTF-8) bytes: cut by bytes, as MIMETruncation counts.
            var (data, size) = mime(choice.TruncationSize);
            var over = choice.TruncationSize is { } max && size > max;
            return new EmailBody(choice.Type, size, over, over && choice.AllOrNone ? null : data, preview);
        }

        var full = choice.Type == BodyChoice.Html ? text.Html : text.Plain;
        if (choice.TruncationSize is not { } limit)
        {
            return new EmailBody(choice.Type, Encoding.UTF8.GetByteCount(full), false, full, preview);
        }

        var (prefix, fullSize) = BodyTruncation.Cut(full, limit, choice.Type == BodyChoice.Html);
        var truncated = fullSize > limit;
        return new EmailBody(choice.Type, fullSize, truncated, truncated && choice.AllOrNone ? null : prefix, preview);
    }

    /// <summary>MS-ASAIRS 2.2.2.37: the first characters of the text, white space collapsed.</summary>
    public static string PreviewOf(string plain, int length)
    {
        var preview = new StringBuilder(Math.Min(length + 1, plain.Length));
        var space = false;
        foreach (var c in plain)
        {
            if (char.IsWhiteSpace(c))
            {
                space = preview.Length > 0;
                continue;
            }

            if (space)
            {
                preview.Append(' ');
                space = false;
            }

            preview.Append(c);
            if (preview.Length >= length)
            {
                break;
            }
        }

        preview.Length = Math.Min(preview.Length, length);
        if (preview.Length > 0 && char.IsHighSurrogate(preview[^1]))
        {
            preview.Length--;
        }

        return preview.ToString().TrimEnd();
    }
}
