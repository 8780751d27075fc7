using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

/// <summary>
/// A store under test, made fresh (or with fresh accounts) for each test by the deriving project. The
/// contract suites reach it only through the SDK interfaces, plus these few administration steps that the
/// SDK leaves to each store (creating accounts, sharing folders).
/// </summary>
public interface IStoreHarness : IAsyncDisposable
{
    /// <summary>The account directory.</summary>
    IAccountDirectory Accounts { get; }

    /// <summary>The mail store.</summary>
    IMailStore Mail { get; }

    /// <summary>The groupware store.</summary>
    IGroupwareStore Groupware { get; }

    /// <summary>The change feed serving the stores' folders.</summary>
    IChangeFeed Feed { get; }

    /// <summary>The domain new accounts are made in, in lower case.</summary>
    string Domain { get; }

    /// <summary>Creates an account <c>localPart@Domain</c>.</summary>
    /// <param name="localPart">The local part, unique within the test.</param>
    /// <param name="password">Its password, or <see langword="null"/> when the test does not sign in.</param>
    /// <param name="displayName">Its full name.</param>
    /// <returns>The account's identifier.</returns>
    Task<string> CreateAccountAsync(string localPart, string? password = null, string? displayName = null);

    /// <summary>Changes an account's password.</summary>
    Task SetPasswordAsync(string accountId, string password);

    /// <summary>Removes an account.</summary>
    Task RemoveAccountAsync(string accountId);

    /// <summary>Shares an owner's groupware folder with another account.</summary>
    Task ShareGroupwareFolderAsync(string ownerId, string folderId, string granteeId, FolderAccess access);
}
