namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// Limits of a <see cref="WbxmlReader"/>. A default instance has the default limits; a limit
/// passed over makes the reader throw a <see cref="WbxmlException"/>.
/// </summary>
public struct WbxmlReaderOptions
{
    /// <summary>Default <see cref="MaxDepth"/>: 64 nested elements (EAS documents use about 12).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Default <see cref="MaxStringLength"/>: 16 MiB of UTF-8 in one string.</summary>
    public const int DefaultMaxStringLength = 16 * 1024 * 1024;

    /// <summary>Default <see cref="MaxOpaqueLength"/>: 64 MiB of opaque data in one element.</summary>
    public const int DefaultMaxOpaqueLength = 64 * 1024 * 1024;

    /// <summary>Default <see cref="MaxDocumentSize"/>: 64 MiB.</summary>
    public const int DefaultMaxDocumentSize = 64 * 1024 * 1024;

    private int _maxDepth;
    private int _maxStringLength;
    private int _maxOpaqueLength;
    private int _maxDocumentSize;

    /// <summary>The deepest element nesting allowed; the root element is at depth 1.</summary>
    public int MaxDepth
    {
        readonly get => _maxDepth == 0 ? DefaultMaxDepth : _maxDepth;
        set => _maxDepth = Positive(value);
    }

    /// <summary>The longest string (STR_I or STR_T), in bytes.</summary>
    public int MaxStringLength
    {
        readonly get => _maxStringLength == 0 ? DefaultMaxStringLength : _maxStringLength;
        set => _maxStringLength = Positive(value);
    }

    /// <summary>The longest opaque value, in bytes.</summary>
    public int MaxOpaqueLength
    {
        readonly get => _maxOpaqueLength == 0 ? DefaultMaxOpaqueLength : _maxOpaqueLength;
        set => _maxOpaqueLength = Positive(value);
    }

    /// <summary>The largest document, in bytes.</summary>
    public int MaxDocumentSize
    {
        readonly get => _maxDocumentSize == 0 ? DefaultMaxDocumentSize : _maxDocumentSize;
        set => _maxDocumentSize = Positive(value);
    }

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
