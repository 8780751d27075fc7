using Microsoft.AspNetCore.Http;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Folders;

namespace Passerelle.ActiveSync.Commands;

/// <summary>One authenticated EAS request: who, from which device, in which version, with what body.</summary>
internal sealed class EasContext
{
    private WbxmlElement? _document;

    public required HttpContext Http { get; init; }

    public required Account Account { get; init; }

    public required EasQuery Query { get; init; }

    public required ProtocolVersion Version { get; init; }

    public required Device Device { get; init; }

    /// <summary>The request body, decompressed.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Whether the device may only use its default folders, one way (quarantine).</summary>
    public bool Quarantined => Device.AccessState == DeviceAccessState.Quarantined;

    public string AccountId => Account.Id;

    public string DeviceId => Device.DeviceId;

    /// <summary>The device as a virtual folder provider sees it.</summary>
    public VirtualFolderContext VirtualContext => new(Account.Id, Device.DeviceId, Device.DeviceType, Version.ToString());

    /// <summary>The body as a WBXML document; a body that is not WBXML is a 400.</summary>
    public WbxmlElement Document => _document ??= Body.IsEmpty
        ? throw EasHttpException.BadRequest($"{Query.Command} needs a WBXML body")
        : WbxmlDocument.Parse(Body);

    public bool HasBody => !Body.IsEmpty;
}
