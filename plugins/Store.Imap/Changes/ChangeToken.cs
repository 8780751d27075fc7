using System.Globalization;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Imap.Changes;

/// <summary>
/// The store's change states, as text. Every form starts with the folder's UIDVALIDITY: a state of another
/// UIDVALIDITY has expired (RFC 3501 2.3.1.1: the old UIDs mean nothing any more).
/// <list type="bullet">
/// <item><c>i.UV.H0.C</c>: listing every message in UID order, those up to UID C delivered; H0 is the
/// HIGHESTMODSEQ when the listing began, from which changes are read once it ends.</item>
/// <item><c>q.UV.M.U.R.RU.RH</c>: RFC 7162 modification sequences. Every change up to (MODSEQ M, UID U)
/// delivered (U = 0: every change up to M); every expunge since R delivered, and of those since R with
/// UID at most RU when a long list of expunges is paged (RH: the HIGHESTMODSEQ when that paging began).</item>
/// <item><c>s.UV.V.U</c>: the fallback for servers without CONDSTORE, versions of the plugin's own snapshot.</item>
/// </list>
/// </summary>
internal readonly record struct ChangeToken(char Kind, uint UidValidity, ulong[] Values)
{
    public const char Listing = 'i';
    public const char ModSeq = 'q';
    public const char Snapshot = 's';

    public ulong this[int index] => Values[index];

    public static ChangeToken Parse(ChangeState state)
    {
        var parts = state.Value.Split('.');
        var expected = parts.Length > 0 && parts[0].Length == 1 ? parts[0][0] switch
        {
            Listing => 4,
            ModSeq => 7,
            Snapshot => 4,
            _ => -1,
        } : -1;
        if (parts.Length != expected
            || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uidValidity))
        {
            throw new ChangeStateExpiredException($"'{state.Value}' is not a change state of the IMAP store.");
        }

        var values = new ulong[parts.Length - 2];
        for (var i = 0; i < values.Length; i++)
        {
            if (!ulong.TryParse(parts[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new ChangeStateExpiredException($"'{state.Value}' is not a change state of the IMAP store.");
            }
        }

        return new ChangeToken(parts[0][0], uidValidity, values);
    }

    public static ChangeState Make(char kind, uint uidValidity, params ulong[] values) =>
        new($"{kind}.{uidValidity.ToString(CultureInfo.InvariantCulture)}.{string.Join('.', values.Select(value => value.ToString(CultureInfo.InvariantCulture)))}");

    /// <summary>Throws when the state belongs to another UIDVALIDITY or another way of tracking.</summary>
    public void Check(uint uidValidity, params char[] kinds)
    {
        if (UidValidity != uidValidity)
        {
            throw new ChangeStateExpiredException($"The folder's UIDVALIDITY changed from {UidValidity} to {uidValidity}: its messages must be listed again.");
        }

        if (!kinds.Contains(Kind))
        {
            throw new ChangeStateExpiredException("The server's change tracking changed (CONDSTORE turned on or off): the folder must be listed again.");
        }
    }
}
