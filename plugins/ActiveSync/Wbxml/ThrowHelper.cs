using System.Diagnostics.CodeAnalysis;

namespace Passerelle.ActiveSync.Wbxml;

// Throws out of line, so the reader's and writer's hot methods stay small enough to inline.
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowWbxml(string message, long offset) => throw new WbxmlException(message, offset);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
}
