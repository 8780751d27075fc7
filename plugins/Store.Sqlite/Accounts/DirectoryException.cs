namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>An administration request that cannot be done (bad input, a name taken); nothing was changed.</summary>
internal sealed class DirectoryException(string message) : Exception(message);
