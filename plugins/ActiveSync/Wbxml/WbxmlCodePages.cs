namespace Passerelle.ActiveSync.Wbxml;

/// <summary>Names and namespaces of every tag of code pages 0 to 25, for reading, rendering and parsing XML.</summary>
internal static partial class WbxmlCodePages
{
    public const int PageCount = 26;

    private static readonly Dictionary<string, byte> PagesByNamespace =
        Enumerable.Range(0, PageCount).ToDictionary(page => Namespaces[page], page => (byte)page, StringComparer.Ordinal);

    public static bool IsKnown(byte page, byte token) => page < PageCount && token < 64 && Names[page][token] is not null;

    public static string? NameOf(WbxmlTag tag) => tag.Page < PageCount && tag.Token < 64 ? Names[tag.Page][tag.Token] : null;

    public static string NamespaceOf(byte page) => page < PageCount ? Namespaces[page] : $"Page{page}:";

    public static bool TryGetPage(string xmlNamespace, out byte page) =>
        PagesByNamespace.TryGetValue(xmlNamespace.EndsWith(':') ? xmlNamespace : xmlNamespace + ":", out page);

    public static bool TryGetTag(byte page, string name, out WbxmlTag tag)
    {
        var token = Array.IndexOf(Names[page], name);
        tag = new WbxmlTag(page, (byte)Math.Max(token, 0));
        return token > 0;
    }
}
