using System.Text;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>The text of an element, whether it came inline or as opaque data.</summary>
internal static class ElementText
{
    public static string StringValue(this WbxmlElement element) =>
        element.Text ?? (element.Opaque is { } opaque ? Encoding.UTF8.GetString(opaque.Span) : "");

    /// <summary>Writes an element when there is a value.</summary>
    public static void WriteIf(this WbxmlWriter writer, WbxmlTag tag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElement(tag, WbxmlText.Safe(value));
        }
    }

    public static void WriteIf(this WbxmlWriter writer, WbxmlTag tag, int? value)
    {
        if (value is { } number)
        {
            writer.WriteElement(tag, number);
        }
    }

    public static void WriteList(this WbxmlWriter writer, WbxmlTag list, WbxmlTag entry, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartElement(list);
        foreach (var value in values)
        {
            writer.WriteElement(entry, WbxmlText.Safe(value));
        }

        writer.WriteEndElement();
    }
}
