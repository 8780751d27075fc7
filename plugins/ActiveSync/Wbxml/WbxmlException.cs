namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// Malformed or over-limit WBXML: the only exception the reader throws for bad input. The HTTP
/// layer answers it with 400 Bad Request.
/// </summary>
public sealed class WbxmlException : Exception
{
    /// <summary>Creates the exception for a problem at a byte offset of the document.</summary>
    public WbxmlException(string message, long offset)
        : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    /// <summary>Creates the exception with no position.</summary>
    public WbxmlException()
        : this("Malformed WBXML", 0)
    {
    }

    /// <summary>Creates the exception with no position.</summary>
    public WbxmlException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception with no position and its cause.</summary>
    public WbxmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The byte offset in the document where the problem was found.</summary>
    public long Offset { get; }
}
