using System.Buffers;
using System.Globalization;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.Benchmarks;

/// <summary>A Sync response adding 200 emails with HTML bodies of about 5 KB: about 1 MB of WBXML.</summary>
public sealed class SyncResponseSample
{
    public const int EmailCount = 200;

    private readonly (string Subject, string From, string Body)[] _emails;

    public SyncResponseSample()
    {
        var paragraph = "<p>Quarterly figures attached; headcount stays at fourteen and the offsite moves to September. Déjà vu? — Bob</p>\n";
        _emails = Enumerable.Range(0, EmailCount)
            .Select(i => ($"Q3 budget & headcount, part {i}", $"\"Bob Nguyen\" <bob{i}@example.com>", "<html><body>" + string.Concat(Enumerable.Repeat(paragraph, 44)) + "</body></html>"))
            .ToArray();
    }

    public void Write(WbxmlWriter writer)
    {
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteStartElement(AirSync.Collections);
        writer.WriteStartElement(AirSync.Collection);
        writer.WriteElement(AirSync.SyncKey, "958402392");
        writer.WriteElement(AirSync.CollectionId, 1);
        writer.WriteElement(AirSync.Status, 1);
        writer.WriteEmptyElement(AirSync.MoreAvailable);
        writer.WriteStartElement(AirSync.Commands);
        for (var i = 0; i < _emails.Length; i++)
        {
            WriteEmail(writer, i, _emails[i]);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public byte[] ToArray()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new WbxmlWriter(output))
        {
            Write(writer);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteEmail(WbxmlWriter writer, int i, (string Subject, string From, string Body) email)
    {
        Span<char> serverId = stackalloc char[16];
        "1:".CopyTo(serverId);
        i.TryFormat(serverId[2..], out var digits, default, CultureInfo.InvariantCulture);

        writer.WriteStartElement(AirSync.Add);
        writer.WriteElement(AirSync.ServerId, serverId[..(2 + digits)]);
        writer.WriteStartElement(AirSync.ApplicationData);
        writer.WriteElement(Email.To, "\"Alice Martin\" <alice@example.com>");
        writer.WriteElement(Email.From, email.From);
        writer.WriteElement(Email.Subject, email.Subject);
        writer.WriteElement(Email.DateReceived, "2024-07-18T09:42:17.000Z");
        writer.WriteElement(Email.DisplayTo, "Alice Martin");
        writer.WriteElement(Email.ThreadTopic, email.Subject);
        writer.WriteElement(Email.Importance, 1);
        writer.WriteElement(Email.Read, i % 2);
        writer.WriteStartElement(AirSyncBase.Body);
        writer.WriteElement(AirSyncBase.Type, 2);
        writer.WriteElement(AirSyncBase.EstimatedDataSize, email.Body.Length);
        writer.WriteElement(AirSyncBase.Truncated, 0);
        writer.WriteElement(AirSyncBase.Data, email.Body);
        writer.WriteEndElement();
        writer.WriteElement(Email.MessageClass, "IPM.Note");
        writer.WriteElement(Email.InternetCPID, 65001);
        writer.WriteEmptyElement(Email.Flag);
        writer.WriteElement(Email.ContentClass, "urn:content-classes:message");
        writer.WriteElement(AirSyncBase.NativeBodyType, 2);
        writer.WriteOpaque(Email2.ConversationId, [0x1F, 0x4A, 0x9C, 0x7E, 0x2B, 0x3D, 0x4E, 0x5F, 0x60, 0x71, 0x82, 0x93, 0xA4, 0xB5, 0xC6, (byte)i]);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
