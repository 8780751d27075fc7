using Passerelle.Sdk.Groupware;

namespace Passerelle.Store.Sqlite.Groupware;

/// <summary>The folders every account has, created on first use: a default one per kind, and the collected addresses.</summary>
internal static class DefaultGroupwareFolders
{
    public static IReadOnlyList<(GroupwareKind Kind, GroupwareFolderRole Role, string Name)> All { get; } =
    [
        (GroupwareKind.Contacts, GroupwareFolderRole.Default, "Contacts"),
        (GroupwareKind.Calendar, GroupwareFolderRole.Default, "Calendar"),
        (GroupwareKind.Tasks, GroupwareFolderRole.Default, "Tasks"),
        (GroupwareKind.Notes, GroupwareFolderRole.Default, "Notes"),
        (GroupwareKind.Files, GroupwareFolderRole.Default, "Files"),
        (GroupwareKind.Contacts, GroupwareFolderRole.CollectedAddresses, "Collected addresses"),
    ];
}
