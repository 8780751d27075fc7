using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>An account's events by UID, in its own calendars (the default one first).</summary>
internal sealed class MeetingCalendar(IEnumerable<IGroupwareStore> stores)
{
    public IGroupwareStore Store => stores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides groupware");

    public async Task<GroupwareFolder> DefaultAsync(string accountId, CancellationToken cancellationToken) =>
        (await Store.GetFoldersAsync(accountId, cancellationToken)).Where(f => f.Kind == GroupwareKind.Calendar && f.Access != FolderAccess.ReadOnly)
            .OrderBy(f => f.Role == GroupwareFolderRole.Default ? 0 : 1).First();

    public async Task<CalendarEvent?> FindAsync(string accountId, string? uid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return null;
        }

        var folders = (await Store.GetFoldersAsync(accountId, cancellationToken))
            .Where(f => f.Kind == GroupwareKind.Calendar && f.Access != FolderAccess.ReadOnly)
            .OrderBy(f => f.Role == GroupwareFolderRole.Default ? 0 : 1);
        foreach (var folder in folders)
        {
            Sdk.Changes.ChangeState? state = null;
            Sdk.Changes.FolderChanges<GroupwareItem> page;
            do
            {
                page = await Store.GetChangesAsync(accountId, folder.Id, state, 500, cancellationToken);
                if (page.Changed.OfType<CalendarEvent>().FirstOrDefault(e => e.Uid == uid) is { } found)
                {
                    return found;
                }

                state = page.State;
            }
            while (page.MoreAvailable);
        }

        return null;
    }
}
