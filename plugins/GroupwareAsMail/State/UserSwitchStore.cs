using Passerelle.GroupwareAsMail.Switch;

namespace Passerelle.GroupwareAsMail.State;

/// <summary>The switch set at the user level; no row means the user inherits the configuration's default.</summary>
internal sealed class UserSwitchStore(GroupwareMailDatabase database)
{
    public async Task<SwitchMode?> GetAsync(string accountId, CancellationToken cancellationToken) =>
        SwitchModes.TryParse(await database.ScalarAsync("SELECT mode FROM user_switch WHERE account_id = $account", cancellationToken, ("$account", accountId)), out var mode)
            ? mode
            : null;

    /// <summary>The accounts whose switch is set to on at the user level.</summary>
    public async Task<IReadOnlyList<string>> AccountsOnAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT account_id FROM user_switch WHERE mode = $mode ORDER BY account_id";
        command.Parameters.AddWithValue("$mode", SwitchMode.On.Name());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetString(0));
        }

        return accounts;
    }

    /// <summary>Sets the user's value; <c>auto</c> returns the user to inheriting.</summary>
    public Task SetAsync(string accountId, SwitchMode mode, CancellationToken cancellationToken) =>
        mode == SwitchMode.Auto
            ? database.ExecuteAsync("DELETE FROM user_switch WHERE account_id = $account", cancellationToken, ("$account", accountId))
            : database.ExecuteAsync(
                "INSERT INTO user_switch (account_id, mode) VALUES ($account, $mode) ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode",
                cancellationToken, ("$account", accountId), ("$mode", mode.Name()));
}
