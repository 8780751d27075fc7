using System.Net.Sockets;
using System.Text;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>A minimal LMTP client (RFC 2033): what an MTA does to hand a message to Dovecot. MailKit has none.</summary>
internal static class Lmtp
{
    public static async Task DeliverAsync(int port, string from, string recipient, string message)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await ExpectAsync(reader, "220");
        await writer.WriteLineAsync("LHLO test.local");
        await ExpectAsync(reader, "250");
        await writer.WriteLineAsync($"MAIL FROM:<{from}>");
        await ExpectAsync(reader, "250");
        await writer.WriteLineAsync($"RCPT TO:<{recipient}>");
        await ExpectAsync(reader, "250");
        await writer.WriteLineAsync("DATA");
        await ExpectAsync(reader, "354");
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        await writer.WriteAsync(string.Concat(lines.Select(line => (line.StartsWith('.') ? "." + line : line) + "\r\n")) + ".\r\n");
        await ExpectAsync(reader, "250");
        await writer.WriteLineAsync("QUIT");
    }

    private static async Task ExpectAsync(StreamReader reader, string code)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync() ?? throw new IOException("LMTP connection closed");
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"LMTP: expected {code}, got '{line}'");
            }

            if (line.Length < 4 || line[3] == ' ')
            {
                return;
            }
        }
    }
}
