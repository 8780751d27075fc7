using System.Security.Cryptography;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Provision in two phases (MS-ASPROV 3.1.5.1): the device asks for the policy and gets it with a
/// temporary key; it acknowledges with that key and gets its final key. Element order does not matter
/// (iOS sends Status before PolicyKey, FIELD-NOTES 7); a key is never 0.
/// </summary>
internal sealed class ProvisionHandler(DeviceRepository devices, PolicyProvider policies) : ICommandHandler
{
    private const string WbxmlPolicyType = "MS-EAS-Provisioning-WBXML";

    public string Command => "Provision";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        if (request.Tag != Provision.ProvisionTag)
        {
            return Status(ProvisionStatus.ProtocolError);
        }

        if (request.Element(Settings.DeviceInformation) is { } information && !context.Device.IsTransient)
        {
            await devices.UpdateInformationAsync(context.AccountId, context.DeviceId, DeviceInformationReader.Read(information), cancellationToken);
        }

        var policy = request.Element(Provision.Policies)?.Element(Provision.Policy);
        if (policy is null)
        {
            // An empty Provision, or a remote wipe acknowledgement: answered with the status alone.
            return Status(ProvisionStatus.Success);
        }

        if (policy.Value(Provision.PolicyType) != WbxmlPolicyType)
        {
            return PolicyAnswer(ProvisionStatus.Success, policy.Value(Provision.PolicyType) ?? "", PolicyStatus.UnknownPolicyType, key: null, document: null, context.Version);
        }

        var easPolicy = await policies.GetAsync(context.Device, cancellationToken);
        var acknowledgedKey = policy.Value(Provision.PolicyKey);
        if (acknowledgedKey is null)
        {
            var temporary = NewKey();
            await devices.SetPendingPolicyKeyAsync(context.AccountId, context.DeviceId, temporary, cancellationToken);
            return PolicyAnswer(ProvisionStatus.Success, WbxmlPolicyType, PolicyStatus.Success, temporary, easPolicy, context.Version);
        }

        // A transient device is not recorded, so its temporary key cannot be checked; any key it echoes is taken.
        if (!uint.TryParse(acknowledgedKey, out var key) || (key != context.Device.PendingPolicyKey && !context.Device.IsTransient))
        {
            return PolicyAnswer(ProvisionStatus.Success, WbxmlPolicyType, PolicyStatus.WrongPolicyKey, key: null, document: null, context.Version);
        }

        var clientStatus = policy.Int(Provision.Status) ?? 1;
        var final = NewKey();
        await devices.SetPolicyKeyAsync(context.AccountId, context.DeviceId, final, easPolicy.Hash(context.Version), AckName(clientStatus), cancellationToken);
        return PolicyAnswer(ProvisionStatus.Success, WbxmlPolicyType, PolicyStatus.Success, final, document: null, context.Version);
    }

    private static string AckName(int clientStatus) => clientStatus switch
    {
        1 => "applied",
        2 => "partially applied",
        3 => "not applied",
        4 => "externally managed",
        _ => $"status {clientStatus}",
    };

    private static uint NewKey()
    {
        uint key;
        do
        {
            key = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        }
        while (key == 0);
        return key;
    }

    private static EasResponse Status(int status) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Provision.ProvisionTag);
        writer.WriteElement(Provision.Status, status);
        writer.WriteEndElement();
    });

    private static EasResponse PolicyAnswer(int status, string policyType, int policyStatus, uint? key, EasPolicy? document, ProtocolVersion version) =>
        EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(Provision.ProvisionTag);
            writer.WriteElement(Provision.Status, status);
            writer.WriteStartElement(Provision.Policies);
            writer.WriteStartElement(Provision.Policy);
            writer.WriteElement(Provision.PolicyType, policyType);
            writer.WriteElement(Provision.Status, policyStatus);
            if (key is { } policyKey)
            {
                writer.WriteElement(Provision.PolicyKey, policyKey.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (document is not null)
            {
                writer.WriteStartElement(Provision.Data);
                document.Write(writer, version);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    private static class ProvisionStatus
    {
        public const int Success = 1;
        public const int ProtocolError = 2;
    }

    private static class PolicyStatus
    {
        public const int Success = 1;
        public const int UnknownPolicyType = 3;
        public const int WrongPolicyKey = 5;
    }
}
