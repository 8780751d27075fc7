namespace Passerelle.ActiveSync.State;

/// <summary>Which tables hold a device's state, for removing a device cleanly.</summary>
internal static class StateTables
{
    public static readonly IReadOnlyList<string> PerDevice =
    [
        "devices", "hierarchy_states", "collection_states", "device_items", "pending_items",
        "client_adds", "item_failures", "sync_requests", "ping_states", "protocol_log",
    ];
}
