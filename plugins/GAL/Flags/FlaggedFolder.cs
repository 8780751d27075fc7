namespace Passerelle.GAL.Flags;

/// <summary>An address book put in the GAL by an administrator.</summary>
/// <param name="Order">Its place in the merge order: folders flagged earlier give their fields first.</param>
/// <param name="OwnerId">The owning account, as whom it is read; its domain is the GAL it joins.</param>
/// <param name="FolderId">The folder's identifier in the groupware store.</param>
/// <param name="Label">How it was named when flagged, <c>OWNER/Folder Path</c>.</param>
/// <param name="FlaggedAt">When.</param>
internal sealed record FlaggedFolder(long Order, string OwnerId, string FolderId, string Label, DateTimeOffset FlaggedAt)
{
    public string Domain => OwnerId[(OwnerId.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
