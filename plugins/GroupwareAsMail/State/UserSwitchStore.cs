using Passerelle.GroupwareAsMail.Switch;

namespace Passerelle.GroupwareAsMail.State;

/// <summary>The switch set at the user level; no row means the user inherits the configuration's default.</summary>
internal sealed class UserSwitchStore(GroupwareMailDatabase database)
{
    public async Task<SwitchMode?> GetAsync(string accountId, CancellationToken cancellationToken) =>
        SwitchModes.TryParse(await database.ScalarAsync("SELECT mode FROM user_switch WHERE account_id = $account", cancellationToken, ("$account", accountId)), out var mode)
            ? mode
            : null;

    /// <summary>Sets the user's value; <c>auto</c> returns the user to inheriting.</summary>
    public Task SetAsync(string accountId, SwitchMode mode, CancellationToken cancellationToken) =>
        mode == SwitchMode.Auto
            ? database.ExecuteAsync("DELETE FROM user_switch WHERE account_id = $account", cancellationToken, ("$account", accountId))
            : database.ExecuteAsync(
                "INSERT INTO user_switch (account_id, mode) VALUES ($account, $mode) ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode",
                cancellationToken, ("$account", accountId), ("$mode", mode.Name()));
}
