using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// The root and Status element of each command's response: where a 14.0+ client finds a common status
/// (MS-ASCMD 2.2.2) that older clients get as an HTTP status.
/// </summary>
internal static class CommandStatusElements
{
    public static (WbxmlTag Root, WbxmlTag Status)? For(string command) => command.ToLowerInvariant() switch
    {
        "sync" => (AirSync.Sync, AirSync.Status),
        "foldersync" => (FolderHierarchy.FolderSync, FolderHierarchy.Status),
        "foldercreate" => (FolderHierarchy.FolderCreate, FolderHierarchy.Status),
        "folderupdate" => (FolderHierarchy.FolderUpdate, FolderHierarchy.Status),
        "folderdelete" => (FolderHierarchy.FolderDelete, FolderHierarchy.Status),
        "getitemestimate" => (ItemEstimate.GetItemEstimate, ItemEstimate.Status),
        "moveitems" => (Move.MoveItems, Move.Status),
        "meetingresponse" => (MeetingResponse.MeetingResponseTag, MeetingResponse.Status),
        "search" => (Search.SearchTag, Search.Status),
        "settings" => (Settings.SettingsTag, Settings.Status),
        "ping" => (Ping.PingTag, Ping.Status),
        "itemoperations" => (ItemOperations.ItemOperationsTag, ItemOperations.Status),
        "provision" => (Provision.ProvisionTag, Provision.Status),
        "resolverecipients" => (ResolveRecipients.ResolveRecipientsTag, ResolveRecipients.Status),
        "validatecert" => (ValidateCert.ValidateCertTag, ValidateCert.Status),
        "sendmail" => (ComposeMail.SendMail, ComposeMail.Status),
        "smartreply" => (ComposeMail.SmartReply, ComposeMail.Status),
        "smartforward" => (ComposeMail.SmartForward, ComposeMail.Status),
        "find" => (Find.FindTag, Find.Status),
        _ => null,
    };
}
