using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Folders;

/// <summary>One mail folder of the view and the groupware folder it shows (none for the parent folder).</summary>
/// <param name="Folder">The folder as devices see it.</param>
/// <param name="Source">The groupware folder whose items it shows, or null for the parent.</param>
/// <param name="Path">The groupware folder's path among the account's folders, e.g. <c>Files/Projects</c>.</param>
internal sealed record MailView(VirtualFolder Folder, GroupwareFolder? Source, string Path);
