using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Folders;

/// <summary>A folder as a device sees it in FolderSync, and where its items come from.</summary>
/// <param name="ServerId">Its EAS ServerId, stable per account.</param>
/// <param name="ParentId">Its parent's ServerId, "0" at the top.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Type">Its EAS folder type.</param>
/// <param name="Store">The store folder behind it.</param>
/// <param name="Class">What its items are.</param>
/// <param name="ReadOnly">Whether the device may only read it (shared read-only, virtual folders).</param>
internal sealed record EasFolder(string ServerId, string ParentId, string DisplayName, int Type, FolderRef Store, EasClass Class, bool ReadOnly)
{
    /// <summary>What FolderSync compares between two keys.</summary>
    public HierarchyEntry Entry => new(ServerId, ParentId, DisplayName, Type);
}

/// <summary>The part of a folder FolderSync sends.</summary>
internal sealed record HierarchyEntry(string ServerId, string ParentId, string DisplayName, int Type);
