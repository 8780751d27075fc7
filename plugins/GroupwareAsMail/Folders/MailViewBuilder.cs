using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Folders;

/// <summary>
/// The mail folders of an account's view: the parent folder, then one subfolder per notes, tasks or files
/// folder it sees (own, shared, public), nested as the groupware folders are and named after them; a name
/// two folders share under one parent gets its owner added, since a mail client cannot show both.
/// </summary>
internal sealed class MailViewBuilder(GroupwareAsMailOptions options)
{
    public IReadOnlyList<MailView> Build(IReadOnlyList<GroupwareFolder> groupware)
    {
        var shown = groupware
            .Where(f => f.Kind is GroupwareKind.Notes or GroupwareKind.Tasks or GroupwareKind.Files)
            .Where(f => f.Role is not (GroupwareFolderRole.CollectedAddresses or GroupwareFolderRole.Directory))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        var views = new List<MailView> { new(new VirtualFolder(FolderIds.Root, null, options.ParentFolder), null, "") };
        var parents = shown.Values.ToDictionary(f => f.Id, f => f.ParentId is { } parent && shown.ContainsKey(parent) ? FolderIds.Of(parent) : FolderIds.Root);
        var sharedNames = shown.Values
            .GroupBy(f => (Parent: parents[f.Id], Name: f.Name.ToUpperInvariant()))
            .Where(group => group.Count() > 1)
            .SelectMany(group => group)
            .Select(f => f.Id)
            .ToHashSet(StringComparer.Ordinal);

        // Parents first, as FolderSync needs them.
        foreach (var folder in shown.Values.OrderBy(f => Depth(f, shown)).ThenBy(f => f.Role).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            var name = sharedNames.Contains(folder.Id) && folder.Role != GroupwareFolderRole.Default ? $"{folder.Name} ({folder.OwnerId})" : folder.Name;
            views.Add(new MailView(new VirtualFolder(FolderIds.Of(folder.Id), parents[folder.Id], name), folder, PathOf(folder, groupware)));
        }

        return views;
    }

    private static int Depth(GroupwareFolder folder, Dictionary<string, GroupwareFolder> shown)
    {
        var depth = 0;
        for (var parent = folder.ParentId; parent is not null && shown.TryGetValue(parent, out var above) && depth < 64; parent = above.ParentId)
        {
            depth++;
        }

        return depth;
    }

    private static string PathOf(GroupwareFolder folder, IReadOnlyList<GroupwareFolder> all)
    {
        var names = new List<string> { folder.Name };
        for (var parent = folder.ParentId; parent is not null && names.Count < 64;)
        {
            var above = all.FirstOrDefault(f => f.Id == parent);
            if (above is null)
            {
                break;
            }

            names.Insert(0, above.Name);
            parent = above.ParentId;
        }

        return string.Join('/', names);
    }
}
