using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>Statuses the folder commands share.</summary>
internal static class FolderStatus
{
    public const int Success = 1;
    public const int ServerError = 6;
    public const int InvalidSyncKey = 9;
    public const int MalformedRequest = 10;
}

internal static class FolderCreateStatus
{
    public const int AlreadyExists = 2;
    public const int SpecialParent = 3;
    public const int ParentNotFound = 5;
}

internal static class FolderUpdateStatus
{
    public const int ExistsOrSpecial = 2;
    public const int NotFound = 4;
    public const int ParentNotFound = 5;
}

internal static class FolderDeleteStatus
{
    public const int Special = 3;
    public const int NotFound = 4;
}
