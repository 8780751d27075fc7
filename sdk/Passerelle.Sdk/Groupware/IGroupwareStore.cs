using Passerelle.Sdk.Changes;

namespace Passerelle.Sdk.Groupware;

/// <summary>
/// Contacts, events, tasks, notes and files in typed folders, own and shared, with the same exact
/// change tracking as mail (<see cref="FolderChanges{T}"/>). The store's access rights decide what an
/// account may change: a change to a read-only folder throws <see cref="Errors.AccessDeniedException"/>.
/// </summary>
public interface IGroupwareStore
{
    /// <summary>Lists the folders an account sees: its own, and those shared with it. Each kind has a default folder.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The folders.</returns>
    Task<IReadOnlyList<GroupwareFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Creates a folder of the account's own.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="kind">What it will hold.</param>
    /// <param name="parentId">The parent folder, or <see langword="null"/>.</param>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new folder.</returns>
    /// <exception cref="Errors.FolderExistsException">The name is taken.</exception>
    Task<GroupwareFolder> CreateFolderAsync(string accountId, GroupwareKind kind, string? parentId, string name, CancellationToken cancellationToken);

    /// <summary>Renames or moves a folder the account owns.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="parentId">The new parent, or <see langword="null"/>.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The folder as it is now.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Errors.AccessDeniedException">The account does not own it, or it is a default folder.</exception>
    Task<GroupwareFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken);

    /// <summary>Deletes a folder the account owns, with its items.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Errors.AccessDeniedException">The account does not own it, or it is a default folder.</exception>
    Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken);

    /// <summary>The folder's current state, cheap to read.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist or is not visible to the account.</exception>
    Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken);

    /// <summary>What changed in a folder since a state, oldest change first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="since">A state this store issued for this folder, or <see langword="null"/> to list every item.</param>
    /// <param name="maxChanges">The most changes to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changes and the state they lead to.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder does not exist or is not visible to the account.</exception>
    /// <exception cref="Errors.ChangeStateExpiredException">The state is no longer valid.</exception>
    Task<FolderChanges<GroupwareItem>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken);

    /// <summary>Reads one item.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item, or <see langword="null"/> when it is not in the folder.</returns>
    Task<GroupwareItem?> GetItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken);

    /// <summary>Adds an item; its kind must match the folder's.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="item">The item; its <see cref="GroupwareItem.Id"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored item, with its identifier.</returns>
    /// <exception cref="Errors.AccessDeniedException">The folder is read-only for the account.</exception>
    /// <exception cref="Errors.InvalidItemException">The item does not fit the folder.</exception>
    Task<GroupwareItem> CreateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken);

    /// <summary>Replaces an item's fields (attachments are kept; change them with the attachment methods).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="item">The item with its identifier and new fields.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored item.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The item is not in the folder.</exception>
    /// <exception cref="Errors.AccessDeniedException">The folder is read-only for the account.</exception>
    Task<GroupwareItem> UpdateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken);

    /// <summary>Deletes an item; an identifier not in the folder is ignored.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.AccessDeniedException">The folder is read-only for the account.</exception>
    Task DeleteItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken);

    /// <summary>Moves an item to another folder of the same kind.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder it is in.</param>
    /// <param name="itemId">The item.</param>
    /// <param name="targetFolderId">The folder to move it to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item's identifier in the target folder.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The item is not in the folder.</exception>
    /// <exception cref="Errors.InvalidItemException">The folders are of different kinds.</exception>
    /// <exception cref="Errors.AccessDeniedException">Either folder is read-only for the account.</exception>
    Task<string> MoveItemAsync(string accountId, string folderId, string itemId, string targetFolderId, CancellationToken cancellationToken);

    /// <summary>Attaches a file to an item (for a <see cref="FileItem"/>, sets its content).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="itemId">The item.</param>
    /// <param name="name">The file name.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="content">The content, read to its end and never held whole in memory.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachment.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The item is not in the folder.</exception>
    /// <exception cref="Errors.AccessDeniedException">The folder is read-only for the account.</exception>
    Task<ItemAttachment> AddAttachmentAsync(string accountId, string folderId, string itemId, string name, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens an attachment's content for reading.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="itemId">The item.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A readable stream the caller disposes.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The item or attachment does not exist.</exception>
    Task<Stream> OpenAttachmentAsync(string accountId, string folderId, string itemId, string attachmentId, CancellationToken cancellationToken);
}
