using MimeKit;
using MimeKit.Utils;
using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>
/// Brings existing mail in: RFC 822 files (<c>.eml</c>) and mbox files, told apart by their first line
/// (<c>From </c>). Every file is read through once before anything is stored, so that a bad file changes
/// nothing. Messages keep their arrival time (the newest Received header, else Date) and the read, answered
/// and flagged marks of mbox Status and X-Status headers.
/// </summary>
internal sealed class MailImporter(IMailStore store, TimeProvider time)
{
    public async Task<int> ImportAsync(string accountId, string folderId, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await CountAsync(file, cancellationToken);
        }

        var imported = 0;
        foreach (var file in files)
        {
            await foreach (var message in ReadAsync(file, cancellationToken))
            {
                await using var staged = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await message.WriteToAsync(staged, cancellationToken);
                staged.Position = 0;
                await store.AppendAsync(accountId, folderId, staged, FlagsOf(message), ArrivalOf(message), cancellationToken);
                imported++;
            }
        }

        return imported;
    }

    /// <summary>Reads a file through, throwing <see cref="FormatException"/> or <see cref="IOException"/> when it is not mail.</summary>
    public static async Task<int> CountAsync(string file, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var message in ReadAsync(file, cancellationToken))
        {
            if (message.Headers.Count == 0)
            {
                throw new FormatException("a message without headers");
            }

            count++;
        }

        return count == 0 ? throw new FormatException("no message in it") : count;
    }

    private static async IAsyncEnumerable<MimeMessage> ReadAsync(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var format = await IsMboxAsync(stream, cancellationToken) ? MimeFormat.Mbox : MimeFormat.Entity;
        var parser = new MimeParser(stream, format, persistent: true);
        if (format == MimeFormat.Entity)
        {
            yield return await parser.ParseMessageAsync(cancellationToken);
            yield break;
        }

        while (!parser.IsEndOfStream)
        {
            yield return await parser.ParseMessageAsync(cancellationToken);
        }
    }

    private static async Task<bool> IsMboxAsync(Stream stream, CancellationToken cancellationToken)
    {
        var start = new byte[5];
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        return read == 5 && start.AsSpan().SequenceEqual("From "u8);
    }

    private static MessageFlags FlagsOf(MimeMessage message)
    {
        var status = (message.Headers["Status"] ?? "") + (message.Headers["X-Status"] ?? "");
        var flags = MessageFlags.None;
        flags |= status.Contains('R', StringComparison.Ordinal) ? MessageFlags.Seen : 0;
        flags |= status.Contains('A', StringComparison.Ordinal) ? MessageFlags.Answered : 0;
        flags |= status.Contains('F', StringComparison.Ordinal) ? MessageFlags.Flagged : 0;
        return flags;
    }

    private DateTimeOffset ArrivalOf(MimeMessage message)
    {
        // RFC 5321 4.4: the top Received header is the last hop, when the mail arrived.
        var received = message.Headers.FirstOrDefault(header => header.Id == HeaderId.Received)?.Value;
        var semicolon = received?.LastIndexOf(';') ?? -1;
        if (semicolon >= 0 && DateUtils.TryParse(received![(semicolon + 1)..].Trim(), out var arrival))
        {
            return arrival;
        }

        return message.Headers.Contains(HeaderId.Date) ? message.Date : time.GetUtcNow();
    }
}
