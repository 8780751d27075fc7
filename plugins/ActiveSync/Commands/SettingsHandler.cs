using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Settings (MS-ASCMD 2.2.1.18): DeviceInformation set (recorded on the device, as from Provision),
/// UserInformation get (every SMTP address; the 14.1+ Accounts form) and RightsManagementInformation get.
/// Each part answers with its own Status.
/// </summary>
internal sealed class SettingsHandler(DeviceRepository devices) : ICommandHandler
{
    public string Command => "Settings";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        if (request.Tag != Settings.SettingsTag)
        {
            return EasResponse.Wbxml(writer =>
            {
                writer.WriteStartElement(Settings.SettingsTag);
                writer.WriteElement(Settings.Status, SettingsStatus.ProtocolError);
                writer.WriteEndElement();
            });
        }

        var parts = new List<Action<WbxmlWriter>>();
        foreach (var part in request.Children)
        {
            if (part.Tag == Settings.DeviceInformation)
            {
                if (!context.Device.IsTransient)
                {
                    await devices.UpdateInformationAsync(context.AccountId, context.DeviceId, DeviceInformationReader.Read(part), cancellationToken);
                }

                parts.Add(writer => Status(writer, Settings.DeviceInformation, SettingsStatus.Success));
            }
            else if (part.Tag == Settings.UserInformation)
            {
                parts.Add(writer => UserInformation(writer, context));
            }
            else if (part.Tag == Settings.RightsManagementInformation)
            {
                // No rights-management templates are offered: an empty list is the answer (MS-ASRM 2.2.2.14).
                parts.Add(writer =>
                {
                    writer.WriteStartElement(Settings.RightsManagementInformation);
                    writer.WriteElement(Settings.Status, SettingsStatus.Success);
                    writer.WriteStartElement(Settings.Get);
                    writer.WriteEmptyElement(RightsManagement.RightsManagementTemplates);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                });
            }
            else if (part.Tag == Settings.DevicePassword)
            {
                // Password recovery is not stored; the device is told it was accepted so it does not retry forever.
                parts.Add(writer => Status(writer, Settings.DevicePassword, SettingsStatus.Success));
            }
            else
            {
                var tag = part.Tag;
                parts.Add(writer => Status(writer, tag, SettingsStatus.ProtocolError));
            }
        }

        return EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(Settings.SettingsTag);
            writer.WriteElement(Settings.Status, SettingsStatus.Success);
            foreach (var part in parts)
            {
                part(writer);
            }

            writer.WriteEndElement();
        });
    }

    private static void Status(WbxmlWriter writer, WbxmlTag part, int status)
    {
        writer.WriteStartElement(part);
        writer.WriteElement(Settings.Status, status);
        writer.WriteEndElement();
    }

    private static void UserInformation(WbxmlWriter writer, EasContext context)
    {
        var account = context.Account;
        writer.WriteStartElement(Settings.UserInformation);
        writer.WriteElement(Settings.Status, SettingsStatus.Success);
        writer.WriteStartElement(Settings.Get);
        if (context.Version >= ProtocolVersion.V141)
        {
            // MS-ASCMD 2.2.3.1: from 14.1 the addresses come per account.
            writer.WriteStartElement(Settings.Accounts);
            writer.WriteStartElement(Settings.Account);
            writer.WriteElement(Settings.UserDisplayName, account.DisplayName);
            writer.WriteStartElement(Settings.EmailAddresses);
            writer.WriteElement(Settings.PrimarySmtpAddress, account.Address);
            foreach (var address in account.Addresses)
            {
                writer.WriteElement(Settings.SMTPAddress, address);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteStartElement(Settings.EmailAddresses);
            foreach (var address in account.Addresses)
            {
                writer.WriteElement(Settings.SMTPAddress, address);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static class SettingsStatus
    {
        public const int Success = 1;
        public const int ProtocolError = 2;
    }
}
