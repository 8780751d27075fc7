using MailKit;
using MailKit.Net.Imap;
using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Imap.Mail;

/// <summary>Fetches messages' metadata, in the order asked for; messages expunged meanwhile are left out.</summary>
internal static class MessageFetcher
{
    public static async Task<IReadOnlyList<MailMessage>> FetchAsync(ImapFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return [];
        }

        var summaries = await folder.FetchAsync(uids, new FetchRequest(MessageMapper.Items), cancellationToken);
        var byUid = summaries.Where(summary => summary.UniqueId.IsValid).ToDictionary(summary => summary.UniqueId.Id);
        return uids.Where(uid => byUid.ContainsKey(uid.Id))
            .Select(uid => MessageMapper.ToMessage(byUid[uid.Id], folder.FullName))
            .ToList();
    }

    public static async Task<MailMessage?> FetchOneAsync(ImapFolder folder, UniqueId uid, CancellationToken cancellationToken) =>
        (await FetchAsync(folder, [uid], cancellationToken)).FirstOrDefault();
}
