using System.Globalization;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Fixtures.ConfiguredStore;

/// <summary>
/// Contact folders in memory, seeded from <see cref="StoreData"/>, with exact change tracking: each
/// folder numbers its changes, and a state is the number of the last change it includes.
/// Holds contacts only; attachments are refused.
/// </summary>
internal sealed class MemoryGroupware : IGroupwareStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FolderState> _folders = new(StringComparer.Ordinal);
    private readonly MemoryChangeFeed _feed;
    private readonly TimeProvider _time;

    public MemoryGroupware(StoreData data, MemoryChangeFeed feed, TimeProvider time)
    {
        _feed = feed;
        _time = time;
        foreach (var folder in data.Folders)
        {
            var state = new FolderState(folder);
            foreach (var contact in folder.Contacts)
            {
                state.Put(contact.ToContact(folder.Id) with { LastModified = time.GetUtcNow() });
            }

            _folders.Add(folder.Id, state);
        }
    }

    /// <summary>How many times changes were listed from scratch, for tests that a change is applied as a delta.</summary>
    public int FullListings;

    public Task<IReadOnlyList<GroupwareFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<GroupwareFolder>>(_folders.Values
                .Select(folder => folder.ViewOf(accountId))
                .OfType<GroupwareFolder>()
                .ToList());
        }
    }

    public Task<GroupwareFolder> CreateFolderAsync(string accountId, GroupwareKind kind, string? parentId, string name, CancellationToken cancellationToken)
    {
        var data = new FolderData { Id = Guid.NewGuid().ToString("N"), Owner = accountId, Kind = kind, ParentId = parentId, Name = name };
        lock (_lock)
        {
            if (_folders.Values.Any(f => f.Data.Owner.Equals(accountId, StringComparison.OrdinalIgnoreCase) && f.Data.ParentId == parentId && f.Data.Name == name))
            {
                throw new FolderExistsException($"'{name}' exists");
            }

            var state = new FolderState(data);
            _folders.Add(data.Id, state);
            return Task.FromResult(state.ViewOf(accountId)!);
        }
    }

    public Task<GroupwareFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Owned(accountId, folderId);
            folder.Data.ParentId = parentId;
            folder.Data.Name = name;
            return Task.FromResult(folder.ViewOf(accountId)!);
        }
    }

    public Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Owned(accountId, folderId);
            _folders.Remove(folderId);
        }

        _feed.Notify(folderId);
        return Task.CompletedTask;
    }

    public Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(StateOf(Visible(accountId, folderId).Sequence));
        }
    }

    public Task<FolderChanges<GroupwareItem>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Visible(accountId, folderId);
            var from = since is { } state ? long.Parse(state.Value, CultureInfo.InvariantCulture) : 0;
            if (since is null)
            {
                FullListings++;
            }
            else if (from < folder.Floor)
            {
                throw new ChangeStateExpiredException($"state {from} of folder {folderId} has expired");
            }

            var changes = folder.Items.Values.Select(item => (item.Sequence, Item: (GroupwareItem?)item.Contact, Removed: (string?)null))
                .Concat(since is null ? [] : folder.Removed.Select(removed => (Sequence: removed.Value, Item: (GroupwareItem?)null, Removed: (string?)removed.Key)))
                .Where(change => change.Sequence > from)
                .OrderBy(change => change.Sequence)
                .ToList();
            var page = changes.Take(maxChanges).ToList();
            var more = changes.Count > page.Count;
            var reached = more ? page[^1].Sequence : folder.Sequence;
            return Task.FromResult(new FolderChanges<GroupwareItem>(
                page.Where(c => c.Item is not null).Select(c => c.Item!).ToList(),
                page.Where(c => c.Removed is not null).Select(c => c.Removed!).ToList(),
                StateOf(reached),
                more));
        }
    }

    public Task<GroupwareItem?> GetItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<GroupwareItem?>(Visible(accountId, folderId).Items.TryGetValue(itemId, out var item) ? item.Contact : null);
        }
    }

    public Task<GroupwareItem> CreateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken)
    {
        var contact = AsContact(item) with { Id = Guid.NewGuid().ToString("N"), FolderId = folderId, LastModified = _time.GetUtcNow() };
        lock (_lock)
        {
            Owned(accountId, folderId).Put(contact);
        }

        _feed.Notify(folderId);
        return Task.FromResult<GroupwareItem>(contact);
    }

    public Task<GroupwareItem> UpdateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken)
    {
        var contact = AsContact(item) with { FolderId = folderId, LastModified = _time.GetUtcNow() };
        lock (_lock)
        {
            var folder = Owned(accountId, folderId);
            if (!folder.Items.ContainsKey(contact.Id))
            {
                throw new ItemNotFoundException($"no item {contact.Id} in folder {folderId}");
            }

            folder.Put(contact);
        }

        _feed.Notify(folderId);
        return Task.FromResult<GroupwareItem>(contact);
    }

    public Task DeleteItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Owned(accountId, folderId).Remove(itemId);
        }

        _feed.Notify(folderId);
        return Task.CompletedTask;
    }

    public async Task<string> MoveItemAsync(string accountId, string folderId, string itemId, string targetFolderId, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(accountId, folderId, itemId, cancellationToken)
            ?? throw new ItemNotFoundException($"no item {itemId} in folder {folderId}");
        var moved = await CreateItemAsync(accountId, targetFolderId, item, cancellationToken);
        await DeleteItemAsync(accountId, folderId, itemId, cancellationToken);
        return moved.Id;
    }

    public Task<ItemAttachment> AddAttachmentAsync(string accountId, string folderId, string itemId, string name, string contentType, Stream content, CancellationToken cancellationToken) =>
        throw new InvalidItemException("this test store keeps no attachments");

    public Task<Stream> OpenAttachmentAsync(string accountId, string folderId, string itemId, string attachmentId, CancellationToken cancellationToken) =>
        throw new ItemNotFoundException("this test store keeps no attachments");

    /// <summary>Forgets removals, so that every state issued so far expires (a store that prunes its history).</summary>
    public void ExpireStates(string folderId)
    {
        lock (_lock)
        {
            _folders[folderId].Expire();
        }
    }

    private static ChangeState StateOf(long sequence) => new(sequence.ToString(CultureInfo.InvariantCulture));

    private static Contact AsContact(GroupwareItem item) =>
        item as Contact ?? throw new InvalidItemException($"this test store holds contacts only, not {item.Kind}");

    private FolderState Visible(string accountId, string folderId) =>
        _folders.TryGetValue(folderId, out var folder) && folder.ViewOf(accountId) is not null
            ? folder
            : throw new FolderNotFoundException($"no folder {folderId} for {accountId}");

    private FolderState Owned(string accountId, string folderId)
    {
        var folder = Visible(accountId, folderId);
        return folder.Data.Owner.Equals(accountId, StringComparison.OrdinalIgnoreCase)
            ? folder
            : throw new AccessDeniedException($"{accountId} may not change folder {folderId}");
    }

    private sealed class FolderState(FolderData data)
    {
        public FolderData Data { get; } = data;

        public Dictionary<string, (Contact Contact, long Sequence)> Items { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Removed { get; } = new(StringComparer.Ordinal);

        public long Sequence { get; private set; }

        /// <summary>The oldest state still valid.</summary>
        public long Floor { get; private set; }

        public void Expire()
        {
            Removed.Clear();
            Floor = ++Sequence;
        }

        public void Put(Contact contact)
        {
            Items[contact.Id] = (contact, ++Sequence);
            Removed.Remove(contact.Id);
        }

        public void Remove(string itemId)
        {
            if (Items.Remove(itemId))
            {
                Removed[itemId] = ++Sequence;
            }
        }

        public GroupwareFolder? ViewOf(string accountId)
        {
            var folder = new GroupwareFolder(Data.Id, Data.ParentId, Data.Name, Data.Kind, Data.Owner.ToLowerInvariant());
            if (Data.Owner.Equals(accountId, StringComparison.OrdinalIgnoreCase))
            {
                return folder with { Role = Data.Role };
            }

            var sameDomain = Domain(Data.Owner).Equals(Domain(accountId), StringComparison.OrdinalIgnoreCase);
            if (sameDomain && Data.Role is GroupwareFolderRole.Public or GroupwareFolderRole.Directory)
            {
                return folder with { Role = Data.Role, Access = FolderAccess.ReadOnly };
            }

            return Data.SharedWith.Contains(accountId, StringComparer.OrdinalIgnoreCase)
                ? folder with { Role = GroupwareFolderRole.Shared, Access = FolderAccess.ReadOnly }
                : null;
        }

        private static string Domain(string address) => address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
    }
}
