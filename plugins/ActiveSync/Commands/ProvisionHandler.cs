using System.Globalization;
using System.Security.Cryptography;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Provision in two phases (MS-ASPROV 3.1.5.1): the device asks for the policy and gets it with a
/// temporary key; it acknowledges with that key and gets its final key, unless it did not apply the policy
/// and the policy requires it (Status 139, or 145 for an externally managed device), which the owner and the
/// administrators are told by e-mail. A pending remote wipe rides on every answer until the device
/// acknowledges it (MS-ASPROV 3.2.5.1.2). Element order does not matter (iOS sends Status before PolicyKey,
/// FIELD-NOTES 7); a key is never 0.
/// </summary>
internal sealed class ProvisionHandler(
    DeviceRepository devices,
    PolicyProvider policies,
    DeviceAccessEvaluator access,
    RemoteWipe wipes,
    DeviceNotices notices) : ICommandHandler
{
    private const string WbxmlPolicyType = "MS-EAS-Provisioning-WBXML";

    public string Command => "Provision";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        if (request.Tag != Provision.ProvisionTag)
        {
            return Answer(ProvisionStatus.ProtocolError);
        }

        var device = await RecordInformationAsync(context, request, cancellationToken);
        var directive = await wipes.PendingAsync(device, context.Version, cancellationToken);
        if (directive is not null && (request.Element(Provision.RemoteWipe) ?? request.Element(Provision.AccountOnlyRemoteWipe)) is { } acknowledgement)
        {
            // MS-ASPROV 3.1.5.1.2.2: Status 1 the device wiped itself; otherwise it failed and is asked again.
            if ((acknowledgement.Int(Provision.Status) ?? 1) == 1)
            {
                await wipes.CompleteAsync(device, cancellationToken);
                return Answer(ProvisionStatus.Success);
            }

            return Answer(ProvisionStatus.Success, wipe: directive);
        }

        var policy = request.Element(Provision.Policies)?.Element(Provision.Policy);
        if (policy is null)
        {
            // An empty Provision (a device reacting to Status 140), or a wipe acknowledgement nothing waits for.
            return Answer(ProvisionStatus.Success, wipe: directive);
        }

        if (policy.Value(Provision.PolicyType) != WbxmlPolicyType)
        {
            return Answer(ProvisionStatus.Success, new PolicyPart(policy.Value(Provision.PolicyType) ?? "", PolicyStatus.UnknownPolicyType), directive);
        }

        var easPolicy = await policies.GetAsync(device, cancellationToken);
        var acknowledgedKey = policy.Value(Provision.PolicyKey);
        if (acknowledgedKey is null)
        {
            var temporary = NewKey();
            await devices.SetPendingPolicyKeyAsync(context.AccountId, context.DeviceId, temporary, cancellationToken);
            return Answer(ProvisionStatus.Success, new PolicyPart(WbxmlPolicyType, PolicyStatus.Success, temporary, easPolicy, context.Version), directive);
        }

        // A transient device is not recorded, so its temporary key cannot be checked; any key it echoes is taken.
        if (!uint.TryParse(acknowledgedKey, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || (key != device.PendingPolicyKey && !device.IsTransient))
        {
            return Answer(ProvisionStatus.Success, new PolicyPart(WbxmlPolicyType, PolicyStatus.WrongPolicyKey), directive);
        }

        return await AcknowledgeAsync(context, device, policy.Int(Provision.Status) ?? 1, easPolicy, directive, cancellationToken);
    }

    private async Task<EasResponse> AcknowledgeAsync(EasContext context, Device device, int clientStatus, EasPolicy policy, WipeDirective? directive, CancellationToken cancellationToken)
    {
        var outcome = AckName(clientStatus);
        var hash = policy.Hash(context.Version);
        if (clientStatus != 1 && !device.IsTransient && device.PolicyNoticeHash != hash)
        {
            await notices.PolicyNotAppliedAsync(device, outcome, cancellationToken);
            await devices.SetPolicyNoticeAsync(device.AccountId, device.DeviceId, hash, cancellationToken);
        }

        // MS-ASPROV 3.2.5.1.1: a device that did not apply everything may sync only if the policy allows such devices.
        if (clientStatus != 1 && !policy.AllowsNonProvisionableDevices)
        {
            await devices.SetPolicyRefusedAsync(device.AccountId, device.DeviceId, outcome, hash, cancellationToken);
            return Answer(clientStatus == 4 ? ProvisionStatus.ExternallyManaged : ProvisionStatus.NotFullyProvisionable, wipe: directive);
        }

        var final = NewKey();
        await devices.SetPolicyKeyAsync(device.AccountId, device.DeviceId, final, hash, outcome, cancellationToken);
        return Answer(ProvisionStatus.Success, new PolicyPart(WbxmlPolicyType, PolicyStatus.Success, final), directive);
    }

    /// <summary>
    /// Records DeviceInformation (14.1+ sends it here), lets the rules see the model and OS it names, then
    /// refuses a blocked device (DeviceAdmission leaves that decision to Provision).
    /// </summary>
    private async Task<Device> RecordInformationAsync(EasContext context, WbxmlElement request, CancellationToken cancellationToken)
    {
        var device = context.Device;
        if (request.Element(Settings.DeviceInformation) is { } information && !device.IsTransient)
        {
            await devices.UpdateInformationAsync(context.AccountId, context.DeviceId, DeviceInformationReader.Read(information), cancellationToken);
            device = await access.EvaluateAsync((await devices.GetAsync(context.AccountId, context.DeviceId, cancellationToken))!, cancellationToken);
        }

        DeviceAdmission.RefuseIfBlocked(device, context.Version);
        return device;
    }

    private static string AckName(int clientStatus) => clientStatus switch
    {
        1 => "applied",
        2 => "partially applied",
        3 => "not applied",
        4 => "externally managed",
        _ => $"status {clientStatus}",
    };

    private static uint NewKey() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);

    private static EasResponse Answer(int status, PolicyPart? policy = null, WipeDirective? wipe = null) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Provision.ProvisionTag);
        writer.WriteElement(Provision.Status, status);
        if (policy is not null)
        {
            policy.Write(writer);
        }

        // MS-ASPROV 2.2.2.45: the directive follows Policies, empty.
        if (wipe is { } directive)
        {
            writer.WriteEmptyElement(directive == WipeDirective.AccountOnly ? Provision.AccountOnlyRemoteWipe : Provision.RemoteWipe);
        }

        writer.WriteEndElement();
    });

    private sealed record PolicyPart(string PolicyType, int Status, uint? Key = null, EasPolicy? Document = null, ProtocolVersion Version = default)
    {
        public void Write(WbxmlWriter writer)
        {
            writer.WriteStartElement(Provision.Policies);
            writer.WriteStartElement(Provision.Policy);
            writer.WriteElement(Provision.PolicyType, PolicyType);
            writer.WriteElement(Provision.Status, Status);
            if (Key is { } policyKey)
            {
                writer.WriteElement(Provision.PolicyKey, policyKey.ToString(CultureInfo.InvariantCulture));
            }

            if (Document is not null)
            {
                writer.WriteStartElement(Provision.Data);
                Document.Write(writer, Version);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static class ProvisionStatus
    {
        public const int Success = 1;
        public const int ProtocolError = 2;
        public const int NotFullyProvisionable = 139;
        public const int ExternallyManaged = 145;
    }

    private static class PolicyStatus
    {
        public const int Success = 1;
        public const int UnknownPolicyType = 3;
        public const int WrongPolicyKey = 5;
    }
}
