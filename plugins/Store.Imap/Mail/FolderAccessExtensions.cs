using MailKit;
using MailKit.Net.Imap;

namespace Passerelle.Store.Imap.Mail;

/// <summary>Selecting a folder on a pooled session, which may have it (or another) selected already.</summary>
internal static class FolderAccessExtensions
{
    /// <summary>
    /// Selects the folder for a change or a change listing, afresh even when this pooled session has it selected
    /// already: a selection kept from an earlier request may be of a mailbox another client deleted and made
    /// again since (Dovecot then fails every command on it), and only SELECT tells the current UIDVALIDITY and
    /// HIGHESTMODSEQ.
    /// </summary>
    public static async Task<ImapFolder> OpenFolderAsync(this ImapClient client, string folderId, CancellationToken cancellationToken)
    {
        var folder = (ImapFolder)await client.GetFolderAsync(folderId, cancellationToken);
        if (folder.IsOpen)
        {
            await folder.CloseAsync(expunge: false, cancellationToken);
        }

        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        return folder;
    }

    /// <summary>
    /// Selects the folder for reading messages, keeping the session's selection when it is that folder already:
    /// SELECT costs Dovecot a pass over a large mailbox's index, and reading one message after another is what a
    /// first sync does. A stale selection makes the read fail once; the session is then dropped.
    /// </summary>
    public static async Task<ImapFolder> SelectForReadingAsync(this ImapClient client, string folderId, CancellationToken cancellationToken)
    {
        var folder = (ImapFolder)await client.GetFolderAsync(folderId, cancellationToken);
        if (!folder.IsOpen)
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
