using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Passerelle.ActiveSync.Http;

/// <summary>Reads the query of an EAS request in either form; a malformed one is a 400.</summary>
internal static class EasQueryDecoder
{
    // MS-ASHTTP 2.2.1.1.1.1.2: the command codes of the base64 form.
    private static readonly Dictionary<byte, string> CommandCodes = new()
    {
        [0] = "Sync", [1] = "SendMail", [2] = "SmartForward", [3] = "SmartReply", [4] = "GetAttachment",
        [9] = "FolderSync", [10] = "FolderCreate", [11] = "FolderDelete", [12] = "FolderUpdate",
        [13] = "MoveItems", [14] = "GetItemEstimate", [15] = "MeetingResponse", [16] = "Search",
        [17] = "Settings", [18] = "Ping", [19] = "ItemOperations", [20] = "Provision",
        [21] = "ResolveRecipients", [22] = "ValidateCert",
    };

    public static EasQuery Decode(QueryString query)
    {
        var raw = query.Value is { Length: > 1 } value ? value[1..] : "";
        return raw.Contains('=', StringComparison.Ordinal) && raw.Contains("Cmd=", StringComparison.OrdinalIgnoreCase)
            ? DecodePlain(QueryHelpers(raw))
            : DecodeBase64(Uri.UnescapeDataString(raw));
    }

    private static EasQuery DecodePlain(Dictionary<string, string> values)
    {
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw EasHttpException.BadRequest($"the query has no {name}");

        return new EasQuery
        {
            Command = Required("Cmd"),
            User = values.GetValueOrDefault("User"),
            DeviceId = DeviceIdentity.NormalizeId(Required("DeviceId")),
            DeviceType = Required("DeviceType"),
            AttachmentName = values.GetValueOrDefault("AttachmentName"),
            CollectionId = values.GetValueOrDefault("CollectionId"),
            ItemId = values.GetValueOrDefault("ItemId"),
            LongId = values.GetValueOrDefault("LongId"),
            Occurrence = values.GetValueOrDefault("Occurrence"),
            SaveInSent = string.Equals(values.GetValueOrDefault("SaveInSent"), "T", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static Dictionary<string, string> QueryHelpers(string raw)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            values.TryAdd(name, value);
        }

        return values;
    }

    // MS-ASHTTP 2.2.1.1.1.1: version, command code, locale, device id, policy key, device type, parameters.
    private static EasQuery DecodeBase64(string encoded)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw EasHttpException.BadRequest("the query is neither a plain nor a base64 EAS query");
        }

        var reader = new ByteReader(bytes);
        var version = reader.Byte();
        var code = reader.Byte();
        reader.Skip(2); // locale
        var deviceId = reader.Bytes(reader.Byte());
        if (deviceId.Length == 0)
        {
            throw EasHttpException.BadRequest("the base64 query has an empty device id");
        }

        var policyKeyLength = reader.Byte();
        uint? policyKey = policyKeyLength switch
        {
            0 => null,
            4 => BitConverter.ToUInt32(reader.Bytes(4)),
            _ => throw EasHttpException.BadRequest("the base64 query has a policy key that is not 4 bytes"),
        };
        var deviceType = Encoding.ASCII.GetString(reader.Bytes(reader.Byte()));
        var query = new EasQuery
        {
            Command = CommandCodes.TryGetValue(code, out var command) ? command : $"#{code}",
            DeviceId = DeviceIdentity.FromBinary(deviceId),
            DeviceType = deviceType.Length > 0 ? deviceType : throw EasHttpException.BadRequest("the base64 query has no device type"),
            ProtocolVersion = (version / 10m).ToString("0.0", CultureInfo.InvariantCulture),
            PolicyKey = policyKey,
            IsBase64 = true,
        };
        while (!reader.AtEnd)
        {
            var tag = reader.Byte();
            var value = reader.Bytes(reader.Byte());
            query = WithParameter(query, tag, value);
        }

        return query;
    }

    private static EasQuery WithParameter(EasQuery query, byte tag, byte[] value)
    {
        var text = Encoding.UTF8.GetString(value);
        return tag switch
        {
            0 => query with { AttachmentName = text },
            1 => query with { CollectionId = text },
            3 => query with { ItemId = text },
            4 => query with { LongId = text },
            6 => query with { Occurrence = text },
            7 => query with { SaveInSent = value.Length > 0 && (value[0] & 0x01) != 0, AcceptMultiPart = value.Length > 0 && (value[0] & 0x02) != 0 },
            8 => query with { User = text },
            _ => query,
        };
    }

    private ref struct ByteReader(byte[] bytes)
    {
        private int _position;

        public readonly bool AtEnd => _position >= bytes.Length;

        public byte Byte() => _position < bytes.Length ? bytes[_position++] : throw Truncated();

        public byte[] Bytes(int count)
        {
            if (_position + count > bytes.Length)
            {
                throw Truncated();
            }

            var slice = bytes[_position..(_position + count)];
            _position += count;
            return slice;
        }

        public void Skip(int count) => Bytes(count);

        private static EasHttpException Truncated() => EasHttpException.BadRequest("the base64 query is truncated");
    }
}
