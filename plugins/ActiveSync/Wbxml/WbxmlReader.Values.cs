using System.Globalization;
using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

public ref partial struct WbxmlReader
{
    /// <summary>
    /// The current text or opaque value decoded as UTF-8. Invalid UTF-8 becomes U+FFFD rather
    /// than an error: a phone's stray byte in a subject must not fail its whole request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The current token is not text or opaque.</exception>
    public readonly string GetString()
    {
        EnsureValue();
        return Encoding.UTF8.GetString(ValueSpan);
    }

    /// <summary>Parses the current text as a decimal <see cref="int"/> (invariant culture, optional sign).</summary>
    /// <exception cref="InvalidOperationException">The current token is not text.</exception>
    public readonly bool TryGetInt32(out int value)
    {
        EnsureText();
        return int.TryParse(ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses the current text as a decimal <see cref="long"/> (invariant culture, optional sign).</summary>
    /// <exception cref="InvalidOperationException">The current token is not text.</exception>
    public readonly bool TryGetInt64(out long value)
    {
        EnsureText();
        return long.TryParse(ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private readonly void EnsureValue()
    {
        if (TokenType is not (WbxmlTokenType.Text or WbxmlTokenType.Opaque))
        {
            ThrowHelper.ThrowInvalidOperation($"The current token is {TokenType}, not text or opaque data");
        }
    }

    private readonly void EnsureText()
    {
        if (TokenType != WbxmlTokenType.Text)
        {
            ThrowHelper.ThrowInvalidOperation($"The current token is {TokenType}, not text");
        }
    }
}
