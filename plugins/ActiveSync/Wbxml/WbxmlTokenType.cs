namespace Passerelle.ActiveSync.Wbxml;

/// <summary>What <see cref="WbxmlReader.Read"/> stopped on.</summary>
public enum WbxmlTokenType : byte
{
    /// <summary>Nothing read yet.</summary>
    None,

    /// <summary>The start of an element; <see cref="WbxmlReader.HasContent"/> says whether it has content.</summary>
    StartElement,

    /// <summary>
    /// The end of an element. A tag without content (MS-ASWBXML's empty element) reads as a
    /// start immediately followed by its end.
    /// </summary>
    EndElement,

    /// <summary>An inline string (STR_I) or a string-table reference (STR_T), as UTF-8 in <see cref="WbxmlReader.ValueSpan"/>.</summary>
    Text,

    /// <summary>Opaque data (OPAQUE), in <see cref="WbxmlReader.ValueSpan"/>.</summary>
    Opaque,
}
