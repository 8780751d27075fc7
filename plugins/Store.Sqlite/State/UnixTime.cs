namespace Passerelle.Store.Sqlite.State;

/// <summary>Times are stored as Unix milliseconds (UTC): sortable integers, indexable for date ranges.</summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromMilliseconds(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
