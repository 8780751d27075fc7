using MailKit;

namespace Passerelle.Store.Imap.Push;

/// <summary>What STATUS tells of a folder: when any of it differs, something changed there.</summary>
internal readonly record struct FolderSignature(uint UidValidity, uint? UidNext, int Count, ulong HighestModSeq, int Unread)
{
    public const StatusItems Items = StatusItems.UidValidity | StatusItems.UidNext | StatusItems.Count | StatusItems.Unread;

    public static FolderSignature Of(IMailFolder folder) =>
        new(folder.UidValidity, folder.UidNext?.Id, folder.Count, folder.HighestModSeq, folder.Unread);
}
