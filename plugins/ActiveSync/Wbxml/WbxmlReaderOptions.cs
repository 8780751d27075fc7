namespace Passerelle.ActiveSync.Wbxml;

/// <summary>The limits a reader enforces, so that hostile input costs little.</summary>
public readonly record struct WbxmlReaderOptions
{
    /// <summary>Creates the default limits.</summary>
    public WbxmlReaderOptions()
    {
    }

    /// <summary>The deepest nesting of elements accepted.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The longest inline string accepted, in bytes.</summary>
    public int MaxStringLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest opaque value accepted, in bytes.</summary>
    public int MaxOpaqueLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>The default limits.</summary>
    public static WbxmlReaderOptions Default { get; } = new();
}
