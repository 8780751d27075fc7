using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The e-mails device management sends: a device waits in quarantine, a device did not apply the policy,
/// a wipe was carried out. They are put straight into the recipients' Inboxes through the mail store, which
/// works the same on the embedded store and on an IMAP server and needs no mail relay; the sender is
/// <c>Plugins:ActiveSync:NoticeFrom</c>, by default postmaster of the recipient's domain.
/// </summary>
internal sealed class DeviceNotices(
    IEnumerable<IMailStore> mailStores,
    AdminRoles admins,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DeviceNotices> logger)
{
    public Task QuarantinedAsync(Device device, CancellationToken cancellationToken) =>
        SendAsync(
            [device.AccountId],
            $"Your device {Name(device)} is waiting for approval",
            $"""
            Your device {Name(device)} ({Details(device)}) connected to your mailbox on {Date()}.

            It is in quarantine until an administrator allows it: it can send mail, but it receives
            nothing yet. You do not need to do anything; if it was not you, tell your administrator.
            """,
            cancellationToken);

    public async Task PolicyNotAppliedAsync(Device device, string outcome, CancellationToken cancellationToken)
    {
        var owner = $"""
            Your device {Name(device)} ({Details(device)}) did not apply the security policy of your mailbox: {outcome}.

            It cannot sync until it does. What to do: accept the security prompt on the device (it may
            ask to set a screen lock or to encrypt the device), update its mail application, or remove
            the account from the device and add it again. If it still fails, tell your administrator.
            """;
        var admin = $"""
            The device {Name(device)} of {device.AccountId} ({Details(device)}) did not apply the security policy: {outcome}.

            It cannot sync until it does. The owner was told what to do. To let it sync anyway, allow
            devices that cannot provision (policy setting AllowNonProvisionableDevices=1) for it:
            passerelle policy set --level device:{device.DeviceId} AllowNonProvisionableDevices=1
            """;
        await SendAsync([device.AccountId], $"Your device {Name(device)} did not apply the security policy", owner, cancellationToken);
        await SendToAdminsAsync($"Device {Name(device)} of {device.AccountId} did not apply the security policy", admin, cancellationToken);
    }

    public async Task WipedAsync(Device device, CancellationToken cancellationToken)
    {
        var what = device.WipeAccountOnly ? "the account's data was removed from" : "a full wipe was carried out on";
        var body = $"""
            The remote wipe of the device {Name(device)} ({Details(device)}) of {device.AccountId} is done:
            {what} the device on {Date()}. It was requested by {device.WipeRequestedBy ?? "an administrator"}.

            The device was removed from the list of devices. If it connects again it is a new device.
            """;
        await SendAsync([device.AccountId], $"Remote wipe of your device {Name(device)} is done", body, cancellationToken);
        await SendToAdminsAsync($"Remote wipe of {Name(device)} of {device.AccountId} is done", body, cancellationToken);
    }

    private async Task SendToAdminsAsync(string subject, string body, CancellationToken cancellationToken)
    {
        var recipients = (await admins.ListAsync(cancellationToken)).Select(account => account.Id).ToList();
        await SendAsync(recipients, subject, body, cancellationToken);
    }

    private async Task SendAsync(IReadOnlyList<string> accountIds, string subject, string body, CancellationToken cancellationToken)
    {
        if (mailStores.LastOrDefault() is not { } store)
        {
            logger.LogWarning("No mail store: the notice \"{Subject}\" was not delivered", subject);
            return;
        }

        foreach (var accountId in accountIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                var folders = await store.GetFoldersAsync(accountId, cancellationToken);
                if (folders.FirstOrDefault(folder => folder.Role == MailFolderRole.Inbox) is not { } inbox)
                {
                    logger.LogWarning("{Account} has no Inbox: the notice \"{Subject}\" was not delivered", accountId, subject);
                    continue;
                }

                using var mime = new MemoryStream();
                await Message(accountId, subject, body).WriteToAsync(mime, cancellationToken);
                mime.Position = 0;
                await store.AppendAsync(accountId, inbox.Id, mime, MessageFlags.None, null, cancellationToken);
            }
            catch (StoreException failure)
            {
                // A notice must never fail the device's request; the administrator's views show the state anyway.
                logger.LogWarning(failure, "The notice \"{Subject}\" to {Account} was not delivered", subject, accountId);
            }
        }
    }

    private MimeMessage Message(string accountId, string subject, string body)
    {
        var domain = Policies.PolicyLevel.DomainOf(accountId);
        var from = configuration["Plugins:ActiveSync:NoticeFrom"] is { Length: > 0 } configured && MailboxAddress.TryParse(configured, out var sender)
            ? sender
            : new MailboxAddress("Passerelle", $"postmaster@{domain}");
        var message = new MimeMessage { Subject = subject, Date = time.GetUtcNow(), Body = new TextPart("plain") { Text = body.ReplaceLineEndings("\r\n") } };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(accountId));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(domain);
        return message;
    }

    private string Date() => time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(Device device) => device.FriendlyName ?? device.Model ?? device.DeviceType;

    private static string Details(Device device) =>
        string.Join(", ", new[] { device.Model, device.Os, $"type {device.DeviceType}", $"id {device.DeviceId}" }.Where(part => !string.IsNullOrEmpty(part)));
}
