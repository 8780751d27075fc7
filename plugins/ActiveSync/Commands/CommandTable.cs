using Passerelle.ActiveSync.Http;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Every EAS command as data: from which version it exists, until which, and whether it may run before
/// the device provisioned. OPTIONS lists, and POST accepts, only those that have a handler.
/// </summary>
internal static class CommandTable
{
    public static readonly IReadOnlyList<CommandInfo> All =
    [
        new("Sync", ProtocolVersion.V120),
        new("SendMail", ProtocolVersion.V120),
        new("SmartForward", ProtocolVersion.V120),
        new("SmartReply", ProtocolVersion.V120),
        new("GetAttachment", ProtocolVersion.V120, Until: ProtocolVersion.V121), // MS-ASCMD 2.2.1.7: replaced by ItemOperations in 14.0
        new("FolderSync", ProtocolVersion.V120),
        new("FolderCreate", ProtocolVersion.V120),
        new("FolderDelete", ProtocolVersion.V120),
        new("FolderUpdate", ProtocolVersion.V120),
        new("MoveItems", ProtocolVersion.V120),
        new("GetItemEstimate", ProtocolVersion.V120),
        new("MeetingResponse", ProtocolVersion.V120),
        new("Search", ProtocolVersion.V120),
        new("Settings", ProtocolVersion.V120, BeforeProvisioning: true),
        new("Ping", ProtocolVersion.V120),
        new("ItemOperations", ProtocolVersion.V120),
        new("Provision", ProtocolVersion.V120, BeforeProvisioning: true),
        new("ResolveRecipients", ProtocolVersion.V120),
        new("ValidateCert", ProtocolVersion.V120),
        new("Find", ProtocolVersion.V161),
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(command => command.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One row of the command table.</summary>
/// <param name="Name">The command's name as in the query.</param>
/// <param name="Since">The first version with the command.</param>
/// <param name="Until">The last version with it, if it was withdrawn.</param>
/// <param name="BeforeProvisioning">Whether it runs for a device that has not acknowledged the policy.</param>
internal sealed record CommandInfo(string Name, ProtocolVersion Since, ProtocolVersion? Until = null, bool BeforeProvisioning = false)
{
    public bool ExistsIn(ProtocolVersion version) => version >= Since && (Until is not { } until || version <= until);
}
