using Microsoft.Extensions.Configuration;

namespace Passerelle.Store.Sqlite;

/// <summary>Which data this plugin serves: <c>Stores:Mail</c> (accounts, mail, delivery) and <c>Stores:Groupware</c>, both <c>Sqlite</c> by default.</summary>
internal sealed record StoreSelection(bool Mail, bool Groupware)
{
    public const string Sqlite = "Sqlite";

    public static StoreSelection From(IConfiguration configuration) => new(
        IsSqlite(configuration["Stores:Mail"]),
        IsSqlite(configuration["Stores:Groupware"]));

    private static bool IsSqlite(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Equals(Sqlite, StringComparison.OrdinalIgnoreCase);
}
