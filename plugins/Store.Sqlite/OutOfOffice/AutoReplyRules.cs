using MimeKit;

namespace Passerelle.Store.Sqlite.OutOfOffice;

/// <summary>
/// Which messages an out-of-office reply may answer (RFC 3834 2 and 3.1): not one that is itself automatic
/// (Auto-Submitted other than "no"), nor list or bulk mail (List-* headers, Precedence bulk, list or junk),
/// nor one without a sender to answer.
/// </summary>
internal static class AutoReplyRules
{
    public static bool MayAnswer(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (headers[HeaderId.Precedence] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "list" or "junk")
        {
            return false;
        }

        return !headers.Any(header => header.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase));
    }
}
