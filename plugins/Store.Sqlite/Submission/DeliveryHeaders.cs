using System.Text;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Sqlite.Submission;

/// <summary>
/// Rewrites the header block of a submitted message byte for byte, leaving the body untouched: removes Bcc,
/// and prepends the trace and missing headers (RFC 6409 8.1-8.3: a submission server adds Date and Message-ID
/// when they are missing). The header block is read up to its blank line, at most 1 MB.
/// </summary>
internal static class DeliveryHeaders
{
    private const int MaxHeaderBytes = 1024 * 1024;

    /// <summary>The new header block, and where the body starts in the original.</summary>
    public static async Task<(byte[] Header, long BodyOffset)> RewriteAsync(Stream original, IReadOnlyList<string> prepend, CancellationToken cancellationToken)
    {
        var header = await ReadHeaderBlockAsync(original, cancellationToken);
        var text = Encoding.Latin1.GetString(header);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var kept = new StringBuilder();
        foreach (var field in Fields(text))
        {
            if (!field.StartsWith("bcc:", StringComparison.OrdinalIgnoreCase) && !field.StartsWith("bcc :", StringComparison.OrdinalIgnoreCase))
            {
                kept.Append(field);
            }
        }

        var result = new StringBuilder();
        foreach (var line in prepend)
        {
            result.Append(line).Append(newline);
        }

        result.Append(kept);
        if (!result.ToString().EndsWith(newline + newline, StringComparison.Ordinal))
        {
            result.Append(newline);
        }

        return (Encoding.Latin1.GetBytes(result.ToString()), header.Length);
    }

    // Fields keep their folded continuation lines and line ends; the blank line stays with the last field.
    private static IEnumerable<string> Fields(string header)
    {
        var start = 0;
        for (var i = 0; i < header.Length; i++)
        {
            var lineStart = i == 0 || header[i - 1] == '\n';
            if (lineStart && i > start && header[i] is not (' ' or '\t'))
            {
                yield return header[start..i];
                start = i;
            }
        }

        if (start < header.Length)
        {
            yield return header[start..];
        }
    }

    private static async Task<byte[]> ReadHeaderBlockAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(8192);
        var buffer = new byte[8192];
        while (bytes.Count < MaxHeaderBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return [.. bytes]; // a message with headers only
            }

            for (var i = 0; i < read; i++)
            {
                bytes.Add(buffer[i]);
                var n = bytes.Count;
                if (bytes[n - 1] == '\n' && (n == 1 || bytes[n - 2] == '\n' || (n >= 3 && bytes[n - 2] == '\r' && bytes[n - 3] == '\n')))
                {
                    return [.. bytes];
                }
            }
        }

        throw new InvalidItemException("The message's header is larger than 1 MB.");
    }
}
