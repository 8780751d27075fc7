namespace Passerelle.ActiveSync.Wbxml;

/// <summary>What the reader is positioned on.</summary>
public enum WbxmlTokenType
{
    /// <summary>Before the first token.</summary>
    None,

    /// <summary>An element's start; <see cref="WbxmlReader.HasContent"/> tells whether an end follows.</summary>
    StartElement,

    /// <summary>The end of an element with content.</summary>
    EndElement,

    /// <summary>An inline string (STR_I), in <see cref="WbxmlReader.ValueSpan"/> as UTF-8.</summary>
    Text,

    /// <summary>Opaque data (OPAQUE), in <see cref="WbxmlReader.ValueSpan"/>.</summary>
    Opaque,
}
