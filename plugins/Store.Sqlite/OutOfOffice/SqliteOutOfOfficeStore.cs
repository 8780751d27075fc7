using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.OutOfOffice;

/// <summary>Out-of-office settings in <c>out_of_office</c>; every change starts a new period of "answered once".</summary>
internal sealed class SqliteOutOfOfficeStore(StoreDatabase database) : IOutOfOfficeStore
{
    public Task<OutOfOfficeSettings> GetOutOfOfficeAsync(string accountId, CancellationToken cancellationToken) =>
        database.ReadAsync(session => ReadAsync(session, accountId), cancellationToken);

    public async Task SetOutOfOfficeAsync(string accountId, OutOfOfficeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.State == OutOfOfficeState.Scheduled && !(settings.Start is { } start && settings.End is { } end && start < end))
        {
            throw new ArgumentException("A scheduled out-of-office period needs a start before its end.", nameof(settings));
        }

        await database.WriteAsync(
            async write =>
            {
                await write.ExecuteAsync(
                    """
                    INSERT INTO out_of_office (account_id, settings, period) VALUES ($account, $settings, 1)
                    ON CONFLICT (account_id) DO UPDATE SET settings = excluded.settings, period = period + 1
                    """,
                    ("$account", accountId),
                    ("$settings", StoreJson.Serialize(settings)));
                await write.ExecuteAsync(
                    "DELETE FROM out_of_office_replies WHERE account_id = $account AND period < (SELECT period FROM out_of_office WHERE account_id = $account)",
                    ("$account", accountId));
                return 0;
            },
            cancellationToken);
    }

    /// <summary>The settings and current period of an account (period 0 when never set).</summary>
    internal static async Task<(OutOfOfficeSettings Settings, long Period)> ReadWithPeriodAsync(StoreSession session, string accountId)
    {
        var row = await session.SingleOrDefaultAsync(
            "SELECT settings, period FROM out_of_office WHERE account_id = $account",
            reader => Tuple.Create(reader.GetString(0), reader.GetInt64(1)),
            ("$account", accountId));
        return row is null ? (OutOfOfficeSettings.Off, 0) : (StoreJson.Deserialize<OutOfOfficeSettings>(row.Item1) ?? OutOfOfficeSettings.Off, row.Item2);
    }

    private static async Task<OutOfOfficeSettings> ReadAsync(StoreSession session, string accountId) =>
        (await ReadWithPeriodAsync(session, accountId)).Settings;
}
