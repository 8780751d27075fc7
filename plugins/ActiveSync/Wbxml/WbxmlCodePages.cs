using System.Collections.Frozen;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// The registry of EAS code pages 0-25 (MS-ASWBXML 2.1.2.1): for a tag, its page namespace
/// (<c>AirSync:</c>) and element name, and back. The tables are generated from
/// <c>CodePages/wbxml-codepages.tsv</c> by <c>CodePages/generate.py</c>.
/// </summary>
public static partial class WbxmlCodePages
{
    /// <summary>The number of code pages (0-25; 25 is Find, protocol 16.1).</summary>
    public const int PageCount = 26;

    private const int TokensPerPage = 64;

    private static readonly string[] s_namespaces = CreateNamespaceTable();
    private static readonly (byte Page, byte Token, string Name)[] s_tags = CreateTagTable();
    private static readonly string?[] s_names = BuildNames();
    private static readonly ulong[] s_defined = BuildDefinedMasks();
    private static readonly FrozenDictionary<string, byte> s_pagesByNamespace = BuildPageIndex();
    private static readonly FrozenDictionary<(byte Page, string Name), WbxmlTag> s_tagsByName =
        s_tags.ToFrozenDictionary(t => (t.Page, t.Name), t => new WbxmlTag(t.Page, t.Token));

    /// <summary>Every defined tag, by page then token.</summary>
    public static IReadOnlyList<WbxmlTag> AllTags { get; } =
        s_tags.Select(t => new WbxmlTag(t.Page, t.Token)).OrderBy(t => t.Page).ThenBy(t => t.Token).ToArray();

    /// <summary>Whether the tag is defined in the EAS code pages (legacy tokens included).</summary>
    public static bool IsDefined(WbxmlTag tag) => IsDefined(tag.Page, tag.Token);

    internal static bool IsDefined(byte page, byte token) =>
        page < PageCount && token < TokensPerPage && ((s_defined[page] >> token) & 1) != 0;

    /// <summary>The element name of a tag (<c>SyncKey</c>), or null when the tag is not defined.</summary>
    public static string? GetName(WbxmlTag tag) =>
        IsDefined(tag) ? s_names[tag.Page * TokensPerPage + tag.Token] : null;

    /// <summary>The XML namespace of a code page as EAS writes it, with its colon (<c>AirSync:</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is not 0-25.</exception>
    public static string GetNamespace(byte page)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(page, PageCount);
        return s_namespaces[page];
    }

    /// <summary>
    /// The page of an XML namespace. <c>AirSync:</c> and <c>AirSync</c> (the XSD form) are both
    /// accepted, case-insensitively (libwbxml writes <c>Gal:</c> for <c>GAL:</c>).
    /// </summary>
    public static bool TryGetPage(string xmlNamespace, out byte page) =>
        s_pagesByNamespace.TryGetValue(xmlNamespace.EndsWith(':') ? xmlNamespace : xmlNamespace + ":", out page);

    /// <summary>The tag of an element name on a page (names as MS-ASWBXML spells them).</summary>
    public static bool TryGetTag(byte page, string name, out WbxmlTag tag) =>
        s_tagsByName.TryGetValue((page, name), out tag);

    /// <summary>The tag of an element name in an XML namespace (see <see cref="TryGetPage"/>).</summary>
    public static bool TryGetTag(string xmlNamespace, string name, out WbxmlTag tag)
    {
        tag = default;
        return TryGetPage(xmlNamespace, out var page) && TryGetTag(page, name, out tag);
    }

    private static string?[] BuildNames()
    {
        var names = new string?[PageCount * TokensPerPage];
        foreach (var (page, token, name) in s_tags)
        {
            names[page * TokensPerPage + token] = name;
        }

        return names;
    }

    private static ulong[] BuildDefinedMasks()
    {
        var masks = new ulong[PageCount];
        foreach (var (page, token, _) in s_tags)
        {
            masks[page] |= 1UL << token;
        }

        return masks;
    }

    private static FrozenDictionary<string, byte> BuildPageIndex() =>
        s_namespaces.Select((ns, page) => (ns, page: (byte)page))
            .ToFrozenDictionary(p => p.ns, p => p.page, StringComparer.OrdinalIgnoreCase);
}
