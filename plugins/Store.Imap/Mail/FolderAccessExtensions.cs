using MailKit;
using MailKit.Net.Imap;

namespace Passerelle.Store.Imap.Mail;

/// <summary>Selecting a folder on a pooled session, which may have it (or another) selected already.</summary>
internal static class FolderAccessExtensions
{
    public static async Task<ImapFolder> OpenFolderAsync(this ImapClient client, string folderId, CancellationToken cancellationToken)
    {
        var folder = (ImapFolder)await client.GetFolderAsync(folderId, cancellationToken);
        if (!folder.IsOpen || folder.Access != FolderAccess.ReadWrite)
        {
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        return folder;
    }

    /// <summary>Selects the folder, or refreshes UIDVALIDITY and HIGHESTMODSEQ when it is selected already (SELECT tells them, later commands need not).</summary>
    public static async Task<ImapFolder> OpenFreshAsync(this ImapClient client, string folderId, CancellationToken cancellationToken)
    {
        var folder = (ImapFolder)await client.GetFolderAsync(folderId, cancellationToken);
        if (folder.IsOpen && folder.Access == FolderAccess.ReadWrite)
        {
            var items = StatusItems.UidValidity | StatusItems.UidNext | StatusItems.Count;
            await folder.StatusAsync(HasModSeq(client) ? items | StatusItems.HighestModSeq : items, cancellationToken);
        }
        else
        {
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        return folder;
    }

    /// <summary>Whether changes are tracked with modification sequences (RFC 7162 CONDSTORE and QRESYNC).</summary>
    public static bool HasModSeq(this ImapClient client) =>
        client.Capabilities.HasFlag(ImapCapabilities.CondStore) && client.Capabilities.HasFlag(ImapCapabilities.QuickResync);

    public static UniqueId[] ParseUids(IEnumerable<string> messageIds) =>
        messageIds.Select(id => uint.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid) && uid > 0 ? new UniqueId(uid) : UniqueId.Invalid)
            .Where(uid => uid.IsValid)
            .Distinct()
            .ToArray();
}
