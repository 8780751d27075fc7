namespace Passerelle.ActiveSync.Wbxml;

/// <summary>An element of an EAS code page: the page number and the token (0x05 to 0x3F).</summary>
/// <param name="Page">The code page, 0 to 25.</param>
/// <param name="Token">The token, without the content and attribute bits.</param>
public readonly record struct WbxmlTag(byte Page, byte Token)
{
    /// <summary>The element's name as MS-ASWBXML gives it, e.g. <c>SyncKey</c>.</summary>
    public string Name => WbxmlCodePages.NameOf(this) ?? $"0x{Token:X2}";

    /// <summary>The element's namespace, e.g. <c>AirSync:</c>.</summary>
    public string Namespace => WbxmlCodePages.NamespaceOf(Page);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}{Name}";
}
