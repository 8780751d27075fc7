using System.Buffers.Binary;
using System.Text;

namespace Passerelle.ActiveSync.Tests.Groupware;

/// <summary>
/// A TNEF stream (MS-OXTNEF 2.1) written byte by byte, as Outlook's winmail.dat carries a meeting: the
/// message class attribute and an attMAPIProps with the named appointment properties.
/// </summary>
internal static class TnefWriter
{
    private static readonly Guid Appointment = new("00062002-0000-0000-C000-000000000046");
    private static readonly Guid Meeting = new("6ED8DA90-450B-101B-98DA-00AA003F1305");

    public static byte[] MeetingRequest(string uid, string subject, string location, DateTime startUtc, DateTime endUtc, string organizer)
    {
        using var output = new MemoryStream();
        Write32(output, 0x223E9F78);
        Write16(output, 0x0001);
        Attribute(output, 0x00089006, [0x00, 0x00, 0x01, 0x00]); // attTnefVersion 0x00010000
        Attribute(output, 0x00078008, Encoding.ASCII.GetBytes("IPM.Microsoft Schedule.MtgReq\0"));
        using var props = new MemoryStream();
        Write32(props, 8);
        String(props, 0x001A, "IPM.Schedule.Meeting.Request"); // PR_MESSAGE_CLASS
        String(props, 0x0037, subject); // PR_SUBJECT
        String(props, 0x0065, organizer); // PR_SENT_REPRESENTING_EMAIL_ADDRESS
        Named(props, Appointment, 0x820D, 0x0040); Time(props, startUtc);
        Named(props, Appointment, 0x820E, 0x0040); Time(props, endUtc);
        Named(props, Appointment, 0x8208, 0x001E); Bytes(props, Encoding.ASCII.GetBytes(location + "\0"));
        Named(props, Appointment, 0x8215, 0x000B); Write32(props, 0);
        var globalId = new byte[40].Concat(Encoding.ASCII.GetBytes("vCal-Uid")).Concat(new byte[] { 1, 0, 0, 0 }).Concat(Encoding.ASCII.GetBytes(uid + "\0")).ToArray();
        Named(props, Meeting, 0x0003, 0x0102); Bytes(props, globalId);
        Attribute(output, 0x00069003, props.ToArray());
        return output.ToArray();
    }

    private static void Attribute(Stream output, uint id, byte[] data)
    {
        output.WriteByte(1); // message level
        Write32(output, id);
        Write32(output, (uint)data.Length);
        output.Write(data);
        Write16(output, (ushort)data.Sum(b => b));
    }

    private static void String(Stream props, ushort id, string value)
    {
        Write16(props, 0x001E);
        Write16(props, id);
        Bytes(props, Encoding.ASCII.GetBytes(value + "\0"));
    }

    private static void Named(Stream props, Guid set, uint id, ushort type)
    {
        Write16(props, type);
        Write16(props, 0x8000);
        props.Write(set.ToByteArray());
        Write32(props, 0); // MNID_ID
        Write32(props, id);
    }

    private static void Time(Stream props, DateTime utc) => props.Write(BitConverter.GetBytes(utc.ToFileTimeUtc()));

    private static void Bytes(Stream props, byte[] value)
    {
        Write32(props, 1);
        Write32(props, (uint)value.Length);
        props.Write(value);
        props.Write(new byte[(4 - (value.Length % 4)) % 4]);
    }

    private static void Write32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static void Write16(Stream output, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        output.Write(bytes);
    }
}
