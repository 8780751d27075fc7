using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Devices;

/// <summary>Reads settings:DeviceInformation, which phones send in Provision (14.1+) or Settings.</summary>
internal static class DeviceInformationReader
{
    public static DeviceInformation Read(WbxmlElement deviceInformation)
    {
        var set = deviceInformation.Element(Settings.Set) ?? deviceInformation;
        return new DeviceInformation
        {
            Model = set.Value(Settings.Model),
            Imei = set.Value(Settings.IMEI),
            FriendlyName = set.Value(Settings.FriendlyName),
            Os = set.Value(Settings.OS),
            OsLanguage = set.Value(Settings.OSLanguage),
            PhoneNumber = set.Value(Settings.PhoneNumber),
            MobileOperator = set.Value(Settings.MobileOperator),
            UserAgent = set.Value(Settings.UserAgent),
            EnableOutboundSms = set.Value(Settings.EnableOutboundSMS),
        };
    }
}
