using System.Text;
using System.Text.RegularExpressions;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.State;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Logging;

/// <summary>
/// The per-device protocol log admins know (<c>&lt;&lt;&lt; Sync</c> ... <c>&gt;&gt;&gt; 200 OK</c>), kept as readable
/// XML when switched on for the user or the device, with credentials and passwords redacted.
/// </summary>
internal sealed partial class ProtocolLog(StateDatabase database, ProtocolLogSwitches switches, TimeProvider time)
{
    private const int MaxBodyCharacters = 64 * 1024;

    public async Task RequestAsync(EasContext context, CancellationToken cancellationToken)
    {
        if (!await switches.IsOnAsync(context.AccountId, context.DeviceId, cancellationToken))
        {
            return;
        }

        var entry = new StringBuilder()
            .Append("<<< ").Append(context.Query.Command).Append(' ').Append(context.Version)
            .Append(" user=").Append(context.Account.Address).Append(" device=").Append(context.DeviceId)
            .Append(" type=").Append(context.Device.DeviceType).AppendLine()
            .AppendLine(Render(context.Body, context.Http.Request.ContentType));
        await AppendAsync(context, entry.ToString(), cancellationToken);
    }

    public async Task ResponseAsync(EasContext context, int status, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!await switches.IsOnAsync(context.AccountId, context.DeviceId, cancellationToken))
        {
            return;
        }

        var reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        await AppendAsync(context, $">>> {status} {reason}\n{Render(body, "application/vnd.ms-sync.wbxml")}\n", cancellationToken);
    }

    private async Task AppendAsync(EasContext context, string entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO protocol_log (account_id, device_id, at, entry) VALUES ($account, $device, $at, $entry)",
            cancellationToken,
            ("$account", context.AccountId), ("$device", context.DeviceId), ("$at", SqliteExtensions.Text(time.GetUtcNow())), ("$entry", entry));
    }

    /// <summary>A body as text for the log: WBXML as XML, MIME as it is, both cut at 64 KB and redacted.</summary>
    internal static string Render(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty)
        {
            return "(no body)";
        }

        string text;
        if (contentType?.Contains("rfc822", StringComparison.OrdinalIgnoreCase) == true)
        {
            text = Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, MaxBodyCharacters)]);
        }
        else
        {
            try
            {
                text = WbxmlXml.ToXml(body.Span);
            }
            catch (WbxmlException malformed)
            {
                return $"(malformed WBXML, {body.Length} bytes: {malformed.Message})";
            }
        }

        if (text.Length > MaxBodyCharacters)
        {
            text = text[..MaxBodyCharacters] + $"\n... ({text.Length - MaxBodyCharacters} more characters)";
        }

        return Redact(text);
    }

    /// <summary>Passwords travel in some bodies (Search and ItemOperations 12.1 UserName/Password, Settings DevicePassword).</summary>
    internal static string Redact(string text) => PasswordElement().Replace(text, "$1***$3");

    [GeneratedRegex(@"(<(?:\w+:)?(?:Password|DevicePassword)[^>]*>)(.*?)(</(?:\w+:)?(?:Password|DevicePassword)>)", RegexOptions.Singleline)]
    private static partial Regex PasswordElement();
}
