using System.Globalization;
using System.Security.Cryptography;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// A SyncKey as we hand them out: a random epoch, made at every reset, and a serial counting the steps
/// since. The epoch keeps a key from an earlier life of the state from matching a new one.
/// </summary>
internal readonly record struct SyncKey(string Epoch, long Serial)
{
    public const string Initial = "0";

    public static SyncKey NewEpoch() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(), 1);

    public SyncKey Next => this with { Serial = Serial + 1 };

    public static bool TryParse(string? text, out SyncKey key)
    {
        key = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }

        key = new SyncKey(text![..colon], serial);
        return true;
    }

    public override string ToString() => $"{Epoch}:{Serial.ToString(CultureInfo.InvariantCulture)}";
}
