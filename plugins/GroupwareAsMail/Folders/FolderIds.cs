namespace Passerelle.GroupwareAsMail.Folders;

/// <summary>
/// The identifiers of this plugin's folders: every one starts with the provider's name and a colon
/// (IVirtualFolderProvider); the parent is <c>GroupwareAsMail:root</c>, a subfolder names its groupware folder.
/// </summary>
internal static class FolderIds
{
    public const string Provider = "GroupwareAsMail";
    public const string Root = Provider + ":root";
    private const string SubfolderPrefix = Provider + ":f:";

    public static string Of(string groupwareFolderId) => SubfolderPrefix + groupwareFolderId;

    public static bool TryGetGroupwareFolder(string folderId, out string groupwareFolderId)
    {
        groupwareFolderId = folderId.StartsWith(SubfolderPrefix, StringComparison.Ordinal) ? folderId[SubfolderPrefix.Length..] : "";
        return groupwareFolderId.Length > 0;
    }
}
