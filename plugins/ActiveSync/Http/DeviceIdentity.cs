using System.Text;

namespace Passerelle.ActiveSync.Http;

/// <summary>Device identifiers as phones send them, made comparable.</summary>
internal static class DeviceIdentity
{
    /// <summary>Android sends this bogus id while it validates an account: answer it, never record it (Horde Request/Base.php).</summary>
    public const string ValidationDeviceId = "validate";

    // MS-ASHTTP 2.2.1.1.1.1.3: up to 32 letters and digits; some clients send longer or punctuated ids, which we keep.
    public static string NormalizeId(string id)
    {
        var trimmed = id.Trim();
        if (trimmed.Length is 0 or > 128 || trimmed.Any(c => char.IsControl(c) || c is ',' or '/' or '\\'))
        {
            throw EasHttpException.BadRequest("the DeviceId is missing or not valid");
        }

        return trimmed;
    }

    /// <summary>The base64 form carries the id as bytes: printable ones are the id as text, others are written in hex.</summary>
    public static string FromBinary(byte[] bytes) =>
        bytes.All(b => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z')
            ? Encoding.ASCII.GetString(bytes)
            : Convert.ToHexString(bytes);
}
