using System.Text;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>
/// MergedFreeBusy (MS-ASCMD 2.2.3.107): one digit per 30 minutes from the start, the highest status of the
/// account's own calendars in each interval (0 free, 1 tentative, 2 busy, 3 out of office); 4 (no data) for
/// every interval of a recipient that is not an account here, or when no store keeps calendars.
/// </summary>
internal sealed class FreeBusy(IEnumerable<IAccountDirectory> directories, IEnumerable<IGroupwareStore> groupwareStores)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    public async Task<string> MergedAsync(string address, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var slots = (int)Math.Ceiling((end - start) / Interval);
        var account = directories.LastOrDefault() is { } directory ? await directory.FindAccountAsync(address, cancellationToken) : null;
        if (account is null || groupwareStores.LastOrDefault() is not { } store)
        {
            return new string('4', slots);
        }

        var merged = new char[slots];
        Array.Fill(merged, '0');
        foreach (var folder in (await store.GetFoldersAsync(account.Id, cancellationToken)).Where(f => f.Kind == GroupwareKind.Calendar && f.OwnerId == account.Id))
        {
            await foreach (var item in EventsAsync(store, account.Id, folder.Id, cancellationToken))
            {
                foreach (var (from, to, status) in EventOccurrences.Within(item, start, end))
                {
                    Mark(merged, start, from, to, Digit(status));
                }
            }
        }

        return new StringBuilder(slots).Append(merged).ToString();
    }

    private static void Mark(char[] merged, DateTimeOffset start, DateTimeOffset from, DateTimeOffset to, char digit)
    {
        var first = Math.Max(0, (int)Math.Floor((from - start) / Interval));
        var last = Math.Min(merged.Length - 1, (int)Math.Ceiling((to - start) / Interval) - 1);
        for (var slot = first; slot <= last; slot++)
        {
            // MS-ASCMD 2.2.3.107: a shorter change in an interval gives the whole interval the higher digit.
            if (digit > merged[slot])
            {
                merged[slot] = digit;
            }
        }
    }

    private static char Digit(BusyStatus status) => status switch
    {
        BusyStatus.Tentative => '1',
        BusyStatus.Busy => '2',
        BusyStatus.OutOfOffice => '3',
        _ => '0', // free, and working elsewhere (still reachable)
    };

    private static async IAsyncEnumerable<CalendarEvent> EventsAsync(IGroupwareStore store, string accountId, string folderId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Sdk.Changes.ChangeState? state = null;
        for (var page = 0; page < 1000; page++)
        {
            var changes = await store.GetChangesAsync(accountId, folderId, state, 500, cancellationToken);
            foreach (var item in changes.Changed.OfType<CalendarEvent>())
            {
                yield return item;
            }

            if (!changes.MoreAvailable)
            {
                yield break;
            }

            state = changes.State;
        }
    }
}
