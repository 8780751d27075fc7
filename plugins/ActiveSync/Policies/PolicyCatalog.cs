using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using P = Passerelle.ActiveSync.Wbxml.CodePages.Provision;

namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// Every EASProvisionDoc setting with its default: the simple policy a device gets unless an administrator
/// sets more; and the two settings the server keeps for itself (as Exchange's mobile device policies do).
/// </summary>
internal static class PolicyCatalog
{
    private static readonly ProtocolVersion V120 = ProtocolVersion.V120;
    private static readonly ProtocolVersion V121 = ProtocolVersion.V121;

    public static readonly IReadOnlyList<PolicySetting> All =
    [
        new("DevicePasswordEnabled", P.DevicePasswordEnabled, PolicyValueType.Boolean, V120, "0"),
        new("AlphanumericDevicePasswordRequired", P.AlphanumericDevicePasswordRequired, PolicyValueType.Boolean, V120, "0"),
        new("PasswordRecoveryEnabled", P.PasswordRecoveryEnabled, PolicyValueType.Boolean, V120, "0"),
        new("RequireStorageCardEncryption", P.RequireStorageCardEncryption, PolicyValueType.Boolean, V120, "0"),
        new("AttachmentsEnabled", P.AttachmentsEnabled, PolicyValueType.Boolean, V120, "1"),
        new("MinDevicePasswordLength", P.MinDevicePasswordLength, PolicyValueType.IntegerOrEmpty, V120, "", 1, 16),
        new("MaxInactivityTimeDeviceLock", P.MaxInactivityTimeDeviceLock, PolicyValueType.IntegerOrEmpty, V120, "", 0, 9999),
        new("MaxDevicePasswordFailedAttempts", P.MaxDevicePasswordFailedAttempts, PolicyValueType.IntegerOrEmpty, V120, "", 4, 16),
        new("MaxAttachmentSize", P.MaxAttachmentSize, PolicyValueType.IntegerOrEmpty, V120, ""),
        new("AllowSimpleDevicePassword", P.AllowSimpleDevicePassword, PolicyValueType.Boolean, V120, "1"),
        new("DevicePasswordExpiration", P.DevicePasswordExpiration, PolicyValueType.IntegerOrEmpty, V120, "", 0, 730),
        new("DevicePasswordHistory", P.DevicePasswordHistory, PolicyValueType.Integer, V120, "0", 0, 50),
        new("AllowStorageCard", P.AllowStorageCard, PolicyValueType.Boolean, V121, "1"),
        new("AllowCamera", P.AllowCamera, PolicyValueType.Boolean, V121, "1"),
        new("RequireDeviceEncryption", P.RequireDeviceEncryption, PolicyValueType.Boolean, V121, "0"),
        new("AllowUnsignedApplications", P.AllowUnsignedApplications, PolicyValueType.Boolean, V121, "1"),
        new("AllowUnsignedInstallationPackages", P.AllowUnsignedInstallationPackages, PolicyValueType.Boolean, V121, "1"),
        new("MinDevicePasswordComplexCharacters", P.MinDevicePasswordComplexCharacters, PolicyValueType.Integer, V121, "1", 1, 4),
        new("AllowWiFi", P.AllowWiFi, PolicyValueType.Boolean, V121, "1"),
        new("AllowTextMessaging", P.AllowTextMessaging, PolicyValueType.Boolean, V121, "1"),
        new("AllowPOPIMAPEmail", P.AllowPOPIMAPEmail, PolicyValueType.Boolean, V121, "1"),
        new("AllowBluetooth", P.AllowBluetooth, PolicyValueType.Integer, V121, "2", 0, 2),
        new("AllowIrDA", P.AllowIrDA, PolicyValueType.Boolean, V121, "1"),
        new("RequireManualSyncWhenRoaming", P.RequireManualSyncWhenRoaming, PolicyValueType.Boolean, V121, "0"),
        new("AllowDesktopSync", P.AllowDesktopSync, PolicyValueType.Boolean, V121, "1"),
        new("MaxCalendarAgeFilter", P.MaxCalendarAgeFilter, PolicyValueType.Integer, V121, "0", 0, 7),
        new("AllowHTMLEmail", P.AllowHTMLEmail, PolicyValueType.Boolean, V121, "1"),
        new("MaxEmailAgeFilter", P.MaxEmailAgeFilter, PolicyValueType.Integer, V121, "0", 0, 5),
        new("MaxEmailBodyTruncationSize", P.MaxEmailBodyTruncationSize, PolicyValueType.Integer, V121, "-1", -1),
        new("MaxEmailHTMLBodyTruncationSize", P.MaxEmailHTMLBodyTruncationSize, PolicyValueType.Integer, V121, "-1", -1),
        new("RequireSignedSMIMEMessages", P.RequireSignedSMIMEMessages, PolicyValueType.Boolean, V121, "0"),
        new("RequireEncryptedSMIMEMessages", P.RequireEncryptedSMIMEMessages, PolicyValueType.Boolean, V121, "0"),
        new("RequireSignedSMIMEAlgorithm", P.RequireSignedSMIMEAlgorithm, PolicyValueType.Integer, V121, "0", 0, 1),
        new("RequireEncryptionSMIMEAlgorithm", P.RequireEncryptionSMIMEAlgorithm, PolicyValueType.Integer, V121, "0", 0, 4),
        new("AllowSMIMEEncryptionAlgorithmNegotiation", P.AllowSMIMEEncryptionAlgorithmNegotiation, PolicyValueType.Integer, V121, "2", 0, 2),
        new("AllowSMIMESoftCerts", P.AllowSMIMESoftCerts, PolicyValueType.Boolean, V121, "1"),
        new("AllowBrowser", P.AllowBrowser, PolicyValueType.Boolean, V121, "1"),
        new("AllowConsumerEmail", P.AllowConsumerEmail, PolicyValueType.Boolean, V121, "1"),
        new("AllowRemoteDesktop", P.AllowRemoteDesktop, PolicyValueType.Boolean, V121, "1"),
        new("AllowInternetSharing", P.AllowInternetSharing, PolicyValueType.Boolean, V121, "1"),
        new("UnapprovedInROMApplicationList", P.UnapprovedInROMApplicationList, PolicyValueType.List, V121, ""),
        new("ApprovedApplicationList", P.ApprovedApplicationList, PolicyValueType.List, V121, ""),
    ];

    public const string AllowNonProvisionableDevices = "AllowNonProvisionableDevices";
    public const string DevicePolicyRefreshInterval = "DevicePolicyRefreshInterval";

    /// <summary>Settings the server enforces and never sends: whether devices that do not provision may sync,
    /// and after how many hours a provisioned device must fetch the policy again (empty: never).</summary>
    public static readonly IReadOnlyList<SettingDefinition> ServerSide =
    [
        new(AllowNonProvisionableDevices, PolicyValueType.Boolean, "1") { Description = "devices that never provisioned may sync" },
        new(DevicePolicyRefreshInterval, PolicyValueType.IntegerOrEmpty, "", 1, 8760) { Description = "hours before a device must fetch the policy again; empty for never" },
    ];

    /// <summary>Everything <c>policy set</c> accepts: the EASProvisionDoc elements, then the server-side settings.</summary>
    public static readonly IReadOnlyList<SettingDefinition> Settable = [.. All, .. ServerSide];

    public static PolicySetting? Find(string name) =>
        All.FirstOrDefault(setting => setting.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static SettingDefinition? FindSettable(string name) =>
        Settable.FirstOrDefault(setting => setting.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default value of every setting.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = Settable.ToDictionary(s => s.Name, s => s.Default, StringComparer.OrdinalIgnoreCase);
}
