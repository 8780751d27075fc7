using Passerelle.Sdk.Changes;

namespace Passerelle.Sdk.Mail;

/// <summary>
/// The mail of every account: folders, messages kept as MIME, flags, and exact change tracking.
/// </summary>
/// <remarks>
/// Every folder has a monotonic <see cref="ChangeState"/>; <see cref="GetChangesAsync"/> answers
/// "what changed since S" exactly, so that a client's copy can be kept in step without comparing whole
/// folders. Store errors are the exceptions of <see cref="Errors"/>.
/// </remarks>
public interface IMailStore
{
    /// <summary>Lists an account's mail folders; the special folders a phone needs (Inbox, Drafts,
    /// Sent, Trash) exist, created on first use if needed.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The folders, parents before children.</returns>
    Task<IReadOnlyList<MailFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Creates a folder.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="parentId">The parent folder, or <see langword="null"/> for the top level.</param>
    /// <param name="name">The new folder's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new folder.</returns>
    /// <exception cref="Errors.FolderExistsException">A folder of that name exists under that parent.</exception>
    /// <exception cref="Errors.FolderNotFoundException">The parent does not exist.</exception>
    Task<MailFolder> CreateFolderAsync(string accountId, string? parentId, string name, CancellationToken cancellationToken);

    /// <summary>Renames or moves a folder. Its identifier may change (IMAP names folders by path).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="parentId">The new parent, or <see langword="null"/> for the top level.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The folder as it is now.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder or the new parent does not exist.</exception>
    /// <exception cref="Errors.FolderExistsException">The new name is taken.</exception>
    /// <exception cref="Errors.AccessDeniedException">The folder is a special folder.</exception>
    Task<MailFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken);

    /// <summary>Deletes a folder, its subfolders and their messages.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Errors.AccessDeniedException">The folder is a special folder.</exception>
    Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken);

    /// <summary>The folder's current state, cheap to read: compare it with a known one to see whether anything changed.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken);

    /// <summary>What changed in a folder since a state, oldest change first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="since">A state this store issued for this folder, or <see langword="null"/> to list every message as changed.</param>
    /// <param name="maxChanges">The most changes to return; the rest follow from the returned state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changes and the state they lead to.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Errors.ChangeStateExpiredException">The state is too old or no longer valid (IMAP UIDVALIDITY changed): start again from <see langword="null"/>.</exception>
    Task<FolderChanges<MailMessage>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken);

    /// <summary>Reads one message's metadata.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message, or <see langword="null"/> when it is not in the folder.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    Task<MailMessage?> GetMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken);

    /// <summary>Opens a message's MIME content for reading, without loading it whole into memory.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A readable stream the caller disposes.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The message is not in the folder.</exception>
    Task<Stream> OpenMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken);

    /// <summary>Adds a message to a folder.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="mime">The message as MIME, read to its end.</param>
    /// <param name="flags">Its initial flags.</param>
    /// <param name="receivedAt">Its arrival time, or <see langword="null"/> for now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored message.</returns>
    /// <exception cref="Errors.InvalidItemException">The content is not a message.</exception>
    Task<MailMessage> AppendAsync(string accountId, string folderId, Stream mime, MessageFlags flags, DateTimeOffset? receivedAt, CancellationToken cancellationToken);

    /// <summary>Changes a message's flags, keywords or follow-up details.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message as it is now.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The message is not in the folder.</exception>
    Task<MailMessage> UpdateMessageAsync(string accountId, string folderId, string messageId, MessageUpdate update, CancellationToken cancellationToken);

    /// <summary>Moves a message to another folder of the same account.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder it is in.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="targetFolderId">The folder to move it to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message's identifier in the target folder.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The message is not in the folder.</exception>
    /// <exception cref="Errors.FolderNotFoundException">A folder does not exist.</exception>
    Task<string> MoveMessageAsync(string accountId, string folderId, string messageId, string targetFolderId, CancellationToken cancellationToken);

    /// <summary>Deletes messages for good; identifiers not in the folder are ignored.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageIds">The messages.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    Task DeleteMessagesAsync(string accountId, string folderId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);

    /// <summary>Deletes every message of a folder, and optionally its subfolders.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="includeSubfolders">Whether subfolders are deleted too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    Task EmptyFolderAsync(string accountId, string folderId, bool includeSubfolders, CancellationToken cancellationToken);

    /// <summary>Searches an account's mail.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="query">What to look for and where.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The matches, newest first, and their total.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder to search does not exist.</exception>
    Task<MailSearchResult> SearchAsync(string accountId, MailSearchQuery query, CancellationToken cancellationToken);
}
