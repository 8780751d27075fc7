using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Folders;

/// <summary>
/// Contributes read-only mail folders whose messages are computed (GroupwareAsMail shows notes, tasks
/// and files as mail). The folders a device sees may depend on the device. The provider also registers
/// an <see cref="IChangeFeed"/> for its folders (<see cref="FolderSource.Virtual"/>).
/// </summary>
public interface IVirtualFolderProvider
{
    /// <summary>The provider's name; every folder identifier it issues starts with it and a colon.</summary>
    string Name { get; }

    /// <summary>Lists the folders a device of an account sees.</summary>
    /// <param name="context">The account and device.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The folders, parents first; empty when the provider is off for this device.</returns>
    Task<IReadOnlyList<VirtualFolder>> GetFoldersAsync(VirtualFolderContext context, CancellationToken cancellationToken);

    /// <summary>The folder's current state, cheap to read.</summary>
    /// <param name="context">The account and device.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder is not visible to this device.</exception>
    Task<ChangeState> GetStateAsync(VirtualFolderContext context, string folderId, CancellationToken cancellationToken);

    /// <summary>What changed in a folder since a state, as for <see cref="IMailStore.GetChangesAsync"/>.</summary>
    /// <param name="context">The account and device.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="since">A state this provider issued, or <see langword="null"/> for everything.</param>
    /// <param name="maxChanges">The most changes to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="Errors.FolderNotFoundException">The folder is not visible to this device.</exception>
    /// <exception cref="Errors.ChangeStateExpiredException">The state is no longer valid.</exception>
    Task<FolderChanges<MailMessage>> GetChangesAsync(VirtualFolderContext context, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken);

    /// <summary>Reads one message's metadata.</summary>
    /// <param name="context">The account and device.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    Task<MailMessage?> GetMessageAsync(VirtualFolderContext context, string folderId, string messageId, CancellationToken cancellationToken);

    /// <summary>Builds a message as MIME.</summary>
    /// <param name="context">The account and device.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A readable stream the caller disposes.</returns>
    /// <exception cref="Errors.ItemNotFoundException">The message does not exist.</exception>
    Task<Stream> OpenMessageAsync(VirtualFolderContext context, string folderId, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a message read or unread for one device: the only change a device may make to these read-only
    /// folders. The provider may keep the flag per device, or ignore it.
    /// </summary>
    /// <param name="context">The account and device.</param>
    /// <param name="folderId">The folder.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="read">Whether the device has read it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the message does not exist.</returns>
    Task<bool> SetReadAsync(VirtualFolderContext context, string folderId, string messageId, bool read, CancellationToken cancellationToken);
}

/// <summary>A read-only mail folder of a provider.</summary>
/// <param name="Id">Its identifier, starting with the provider's name and a colon.</param>
/// <param name="ParentId">Its parent: another virtual folder, a mail folder's identifier, or <see langword="null"/> for the top.</param>
/// <param name="Name">Its name.</param>
public sealed record VirtualFolder(string Id, string? ParentId, string Name);

/// <summary>Who is looking at virtual folders.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="DeviceId">The device's identifier.</param>
/// <param name="DeviceType">The device's type as it sends it (iPhone, Android, SAMSUNGSMG991B...).</param>
/// <param name="ProtocolVersion">The protocol version the device speaks, e.g. "12.1".</param>
public sealed record VirtualFolderContext(string AccountId, string DeviceId, string DeviceType, string ProtocolVersion)
{
    /// <summary>How far back the device syncs mail (its FilterType), or <see langword="null"/> for everything.</summary>
    public TimeSpan? FilterWindow { get; init; }
}
