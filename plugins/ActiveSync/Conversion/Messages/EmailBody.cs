namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>The airsyncbase:Body sent for a message (MS-ASAIRS 2.2.2.9).</summary>
/// <param name="Type">1 plain text, 2 HTML, 4 MIME.</param>
/// <param name="EstimatedDataSize">The size in bytes of the whole body in that type.</param>
/// <param name="Truncated">Whether <see cref="Data"/> is cut, or left out (AllOrNone).</param>
/// <param name="Data">The body, or null when it is left out.</param>
/// <param name="Preview">A plain-text preview (14.0+), when asked for.</param>
/// <param name="AsOpaque">Whether the data must travel as opaque bytes (MIME that is not valid UTF-8).</param>
internal sealed record EmailBody(int Type, long EstimatedDataSize, bool Truncated, string? Data, string? Preview, byte[]? AsOpaque = null);
