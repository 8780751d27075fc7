namespace Passerelle.ActiveSync.Wbxml;

/// <summary>A WBXML document that is malformed, or beyond the reader's limits; it carries the byte offset.</summary>
public sealed class WbxmlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WbxmlException(string message, long offset)
        : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    /// <summary>Where in the document the problem was found.</summary>
    public long Offset { get; }
}
