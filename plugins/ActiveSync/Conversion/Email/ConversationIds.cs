using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>
/// email2:ConversationId (16 bytes) and email2:ConversationIndex (MS-ASCON 2.2.2.3, 2.2.2.4), stable
/// for every message of a thread.
/// </summary>
/// <remarks>
/// The id is the GUID of an Outlook Thread-Index (MS-OXOMSG 2.2.1.3) when there is one; otherwise a
/// hash of the thread's root Message-ID: the first of References, else In-Reply-To, else the message's
/// own Message-ID, so that the first message of a thread matches its replies; with none of those, a
/// hash of the subject without its Re:/Fwd: prefixes. The index is the Thread-Index without its GUID
/// (a 5-byte header time and 5 bytes per reply level), else the 5 high bytes of the Date as a FILETIME.
/// </remarks>
internal static class ConversationIds
{
    private const int ThreadIndexHeader = 22;

    public static (byte[] Id, byte[] Index) For(MimeMessage message, DateTimeOffset receivedAt)
    {
        if (ThreadIndex(message) is { } threadIndex)
        {
            byte[] index = [.. threadIndex.AsSpan(1, 5), .. threadIndex.AsSpan(ThreadIndexHeader)];
            return (threadIndex.AsSpan(6, 16).ToArray(), index);
        }

        var root = message.References.FirstOrDefault() ?? message.InReplyTo ?? message.MessageId;
        var key = root is not null ? "message-id:" + root : "subject:" + Subjects.WithoutPrefixes(message.Subject ?? "").ToUpperInvariant();
        return (SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray(), TimeIndex(message.Date.Year > 1601 ? message.Date : receivedAt));
    }

    private static byte[]? ThreadIndex(MimeMessage message)
    {
        var value = message.Headers["Thread-Index"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var length) && length >= ThreadIndexHeader && (length - ThreadIndexHeader) % 5 == 0
            ? bytes[..length]
            : null;
    }

    // MS-OXOMSG 2.2.1.3: the 40 high bits of the FILETIME, big-endian.
    private static byte[] TimeIndex(DateTimeOffset date)
    {
        Span<byte> fileTime = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(fileTime, date.UtcDateTime.ToFileTimeUtc());
        return fileTime[..5].ToArray();
    }
}
