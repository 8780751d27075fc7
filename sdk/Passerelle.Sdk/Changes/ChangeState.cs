namespace Passerelle.Sdk.Changes;

/// <summary>
/// An opaque, store-defined token naming a folder's state at one moment (a modification sequence,
/// like an IMAP MODSEQ or a JMAP state). Only the store that issued it can interpret it; others
/// store it and hand it back.
/// </summary>
/// <param name="Value">The token, at most 256 characters, safe to store as text.</param>
public readonly record struct ChangeState(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
