namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// A WBXML element: its code page and its token (0x05-0x3F, without the content and attribute
/// bits). The named tags live in the classes of <see cref="CodePages"/>, e.g. <c>AirSync.SyncKey</c>.
/// </summary>
/// <param name="Page">The code page (0-25 for EAS, MS-ASWBXML 2.1.2.1).</param>
/// <param name="Token">The tag token, 0x05-0x3F.</param>
public readonly record struct WbxmlTag(byte Page, byte Token)
{
    /// <summary>The element name, e.g. <c>SyncKey</c>, or null when the tag is not defined.</summary>
    public string? Name => WbxmlCodePages.GetName(this);

    /// <summary>Namespace and name (<c>AirSync:SyncKey</c>), or the numbers of an undefined tag.</summary>
    public override string ToString() =>
        Name is { } name ? WbxmlCodePages.GetNamespace(Page) + name : $"page {Page} token 0x{Token:X2}";
}
