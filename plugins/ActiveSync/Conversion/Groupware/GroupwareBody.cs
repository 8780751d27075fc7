using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// airsyncbase:Body of a contact, event, task or note (MS-ASAIRS 2.2.2.9): plain text, or HTML when the
/// device asks only for HTML, cut to the preference's TruncationSize with Truncated and EstimatedDataSize.
/// </summary>
internal static class GroupwareBody
{
    public static void Write(WbxmlWriter writer, string? text, string? html, IReadOnlyList<BodyPreference> preferences, ProtocolVersion version)
    {
        if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(html))
        {
            return;
        }

        var wantsHtml = preferences.Count > 0 && preferences.All(p => p.Type == 2);
        var preference = preferences.FirstOrDefault(p => p.Type == (wantsHtml ? 2 : 1));
        var body = wantsHtml ? html ?? TextToHtml.Convert(text ?? "") : text ?? HtmlToText.Convert(html ?? "");
        var (data, size) = preference?.TruncationSize is { } limit
            ? BodyTruncation.Cut(body, limit, wantsHtml)
            : (body, System.Text.Encoding.UTF8.GetByteCount(body));
        writer.WriteStartElement(AirSyncBase.Body);
        writer.WriteElement(AirSyncBase.Type, wantsHtml ? 2 : 1);
        writer.WriteElement(AirSyncBase.EstimatedDataSize, size);
        if (data.Length < body.Length)
        {
            writer.WriteElement(AirSyncBase.Truncated, 1);
        }

        if (data.Length > 0 || version < ProtocolVersion.V160)
        {
            writer.WriteElement(AirSyncBase.Data, WbxmlText.Safe(data));
        }

        writer.WriteEndElement();
    }

    /// <summary>The text of a Body a device sent, as plain text and, for an HTML body, the HTML; null when absent.</summary>
    public static (string? Text, string? Html)? Read(Wbxml.WbxmlElement data)
    {
        if (data.Element(AirSyncBase.Body) is not { } body)
        {
            return null;
        }

        var content = body.Value(AirSyncBase.Data) ?? "";
        return body.Int(AirSyncBase.Type) == 2
            ? (HtmlToText.Convert(content).TrimEnd(), content)
            : (content.Length == 0 ? null : content, null);
    }
}
