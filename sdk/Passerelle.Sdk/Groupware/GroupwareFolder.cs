namespace Passerelle.Sdk.Groupware;

/// <summary>A folder of contacts, events, tasks, notes or files, as one account sees it.</summary>
/// <param name="Id">The folder's identifier, the same for every account that sees it.</param>
/// <param name="ParentId">The parent folder, or <see langword="null"/> at the top.</param>
/// <param name="Name">The folder's name.</param>
/// <param name="Kind">What the folder holds.</param>
/// <param name="OwnerId">The owning account.</param>
public sealed record GroupwareFolder(string Id, string? ParentId, string Name, GroupwareKind Kind, string OwnerId)
{
    /// <summary>What the folder is among the account's folders of its kind.</summary>
    public GroupwareFolderRole Role { get; init; } = GroupwareFolderRole.Personal;

    /// <summary>What the viewing account may do in it.</summary>
    public FolderAccess Access { get; init; } = FolderAccess.Owner;
}

/// <summary>What a groupware folder holds.</summary>
public enum GroupwareKind
{
    /// <summary>Contacts (an address book).</summary>
    Contacts,

    /// <summary>Calendar events.</summary>
    Calendar,

    /// <summary>Tasks.</summary>
    Tasks,

    /// <summary>Notes.</summary>
    Notes,

    /// <summary>Files.</summary>
    Files,
}

/// <summary>The place of a groupware folder among an account's folders.</summary>
public enum GroupwareFolderRole
{
    /// <summary>The account's default folder of its kind.</summary>
    Default,

    /// <summary>Another folder of the account's own.</summary>
    Personal,

    /// <summary>A folder another account shares with this one.</summary>
    Shared,

    /// <summary>A public folder, shared with a whole domain.</summary>
    Public,

    /// <summary>Addresses collected from sent mail: searchable, not synced as an address book.</summary>
    CollectedAddresses,

    /// <summary>A directory book: searchable through the global address list, not synced as an address book.</summary>
    Directory,
}

/// <summary>What an account may do in a folder.</summary>
public enum FolderAccess
{
    /// <summary>Read items only.</summary>
    ReadOnly,

    /// <summary>Read, add, change and delete items.</summary>
    ReadWrite,

    /// <summary>Everything, including renaming, deleting and sharing the folder.</summary>
    Owner,
}
