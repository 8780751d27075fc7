using System.Globalization;
using System.Text;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Fixtures.ConfiguredAccounts;

/// <summary>
/// A mail store in memory, for tests that need mailboxes (notices delivered to an Inbox, folders for
/// FolderSync): every account has Inbox, Drafts, Sent Items, Deleted Items, Outbox and the folders its
/// configuration names. Each folder's state is a counter raised by every change; removals are remembered.
/// </summary>
internal sealed class InMemoryMailStore(IReadOnlyList<ConfiguredAccount> accounts) : IMailStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId;

    public Task<IReadOnlyList<MailFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<MailFolder>>(Box(accountId).Folders.Values.Select(f => f.Folder).ToList());
        }
    }

    public Task<MailFolder> CreateFolderAsync(string accountId, string? parentId, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var box = Box(accountId);
            if (parentId is not null && !box.Folders.ContainsKey(parentId))
            {
                throw new FolderNotFoundException($"no folder {parentId}");
            }

            if (box.Folders.Values.Any(f => f.Folder.ParentId == parentId && f.Folder.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FolderExistsException($"a folder {name} exists");
            }

            return Task.FromResult(box.Add(new MailFolder(NewId(), parentId, name, MailFolderRole.None)).Folder);
        }
    }

    public Task<MailFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            if (folder.Folder.Role != MailFolderRole.None)
            {
                throw new AccessDeniedException("a special folder cannot be changed");
            }

            folder.Folder = folder.Folder with { ParentId = parentId, Name = name };
            return Task.FromResult(folder.Folder);
        }
    }

    public Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            if (folder.Folder.Role != MailFolderRole.None)
            {
                throw new AccessDeniedException("a special folder cannot be deleted");
            }

            Box(accountId).Folders.Remove(folderId);
            return Task.CompletedTask;
        }
    }

    public Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(State(Folder(accountId, folderId).Serial));
        }
    }

    public Task<FolderChanges<MailMessage>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            long from = 0;
            if (since is { } state && !long.TryParse(state.Value, NumberStyles.None, CultureInfo.InvariantCulture, out from))
            {
                throw new ChangeStateExpiredException("not a state of this store");
            }

            var changes = folder.Messages.Values.Where(m => m.Serial > from).Select(m => (m.Serial, Item: (object)m))
                .Concat(folder.Removed.Where(r => r.Serial > from && since is not null).Select(r => (r.Serial, Item: (object)r.Id)))
                .OrderBy(change => change.Serial)
                .ToList();
            var page = changes.Take(Math.Max(1, maxChanges)).ToList();
            var reached = page.Count < changes.Count ? page[^1].Serial : folder.Serial;
            return Task.FromResult(new FolderChanges<MailMessage>(
                page.Select(c => c.Item).OfType<StoredMessage>().Select(m => m.Message(folderId)).ToList(),
                page.Select(c => c.Item).OfType<string>().ToList(),
                State(reached),
                page.Count < changes.Count));
        }
    }

    public Task<MailMessage?> GetMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Folder(accountId, folderId).Messages.TryGetValue(messageId, out var message) ? message.Message(folderId) : null);
        }
    }

    public Task<Stream> OpenMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<Stream>(new MemoryStream(Message(accountId, folderId, messageId).Mime, writable: false));
        }
    }

    public async Task<MailMessage> AppendAsync(string accountId, string folderId, Stream mime, MessageFlags flags, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await mime.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new InvalidItemException("an empty message");
        }

        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            var message = new StoredMessage(NewId(), buffer.ToArray(), flags, receivedAt ?? DateTimeOffset.UtcNow, ++folder.Serial);
            folder.Messages[message.Id] = message;
            return message.Message(folderId);
        }
    }

    public Task<MailMessage> UpdateMessageAsync(string accountId, string folderId, string messageId, MessageUpdate update, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            var message = Message(accountId, folderId, messageId);
            message.Flags = (message.Flags | update.AddFlags) & ~update.RemoveFlags;
            message.Serial = ++folder.Serial;
            return Task.FromResult(message.Message(folderId));
        }
    }

    public Task<string> MoveMessageAsync(string accountId, string folderId, string messageId, string targetFolderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var source = Folder(accountId, folderId);
            var target = Folder(accountId, targetFolderId);
            var message = Message(accountId, folderId, messageId);
            source.Messages.Remove(messageId);
            source.Removed.Add((messageId, ++source.Serial));
            var moved = new StoredMessage(NewId(), message.Mime, message.Flags, message.ReceivedAt, ++target.Serial);
            target.Messages[moved.Id] = moved;
            return Task.FromResult(moved.Id);
        }
    }

    public Task DeleteMessagesAsync(string accountId, string folderId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var folder = Folder(accountId, folderId);
            foreach (var id in messageIds.Where(folder.Messages.Remove))
            {
                folder.Removed.Add((id, ++folder.Serial));
            }

            return Task.CompletedTask;
        }
    }

    public Task EmptyFolderAsync(string accountId, string folderId, bool includeSubfolders, CancellationToken cancellationToken) =>
        DeleteMessagesAsync(accountId, folderId, Folder(accountId, folderId).Messages.Keys.ToList(), cancellationToken);

    public Task<MailSearchResult> SearchAsync(string accountId, MailSearchQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var matches = Box(accountId).Folders.Values
                .Where(f => query.FolderId is null || f.Folder.Id == query.FolderId)
                .SelectMany(f => f.Messages.Values
                    .Where(m => Encoding.UTF8.GetString(m.Mime).Contains(query.Text, StringComparison.OrdinalIgnoreCase))
                    .Select(m => m.Message(f.Folder.Id)))
                .OrderByDescending(m => m.ReceivedAt)
                .ToList();
            return Task.FromResult(new MailSearchResult(matches.Skip(query.Offset).Take(query.Limit).ToList(), matches.Count));
        }
    }

    private Mailbox Box(string accountId)
    {
        if (_mailboxes.TryGetValue(accountId, out var box))
        {
            return box;
        }

        var configured = accounts.FirstOrDefault(a => a.Address.Equals(accountId, StringComparison.OrdinalIgnoreCase))
            ?? throw new FolderNotFoundException($"no mailbox {accountId}");
        box = new Mailbox();
        foreach (var (name, role) in new[] { ("Inbox", MailFolderRole.Inbox), ("Drafts", MailFolderRole.Drafts), ("Sent Items", MailFolderRole.Sent), ("Deleted Items", MailFolderRole.Trash), ("Outbox", MailFolderRole.Outbox) })
        {
            box.Add(new MailFolder(NewId(), null, name, role));
        }

        foreach (var name in configured.Folders)
        {
            var role = name.Equals("Archive", StringComparison.OrdinalIgnoreCase) ? MailFolderRole.Archive : MailFolderRole.None;
            box.Add(new MailFolder(NewId(), null, name, role));
        }

        _mailboxes[accountId] = box;
        return box;
    }

    private StoredFolder Folder(string accountId, string folderId) =>
        Box(accountId).Folders.TryGetValue(folderId, out var folder) ? folder : throw new FolderNotFoundException($"no folder {folderId}");

    private StoredMessage Message(string accountId, string folderId, string messageId) =>
        Folder(accountId, folderId).Messages.TryGetValue(messageId, out var message) ? message : throw new ItemNotFoundException($"no message {messageId}");

    private string NewId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private static ChangeState State(long serial) => new(serial.ToString(CultureInfo.InvariantCulture));

    private sealed class Mailbox
    {
        public Dictionary<string, StoredFolder> Folders { get; } = new(StringComparer.Ordinal);

        public StoredFolder Add(MailFolder folder) => Folders[folder.Id] = new StoredFolder { Folder = folder };
    }

    private sealed class StoredFolder
    {
        public required MailFolder Folder { get; set; }

        public long Serial { get; set; }

        public Dictionary<string, StoredMessage> Messages { get; } = new(StringComparer.Ordinal);

        public List<(string Id, long Serial)> Removed { get; } = [];
    }

    private sealed class StoredMessage(string id, byte[] mime, MessageFlags flags, DateTimeOffset receivedAt, long serial)
    {
        public string Id { get; } = id;

        public byte[] Mime { get; } = mime;

        public MessageFlags Flags { get; set; } = flags;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public long Serial { get; set; } = serial;

        public MailMessage Message(string folderId) => new(Id, folderId, Flags, ReceivedAt, Mime.Length);
    }
}
