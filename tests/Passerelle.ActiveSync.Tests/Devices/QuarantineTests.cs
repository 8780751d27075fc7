using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

public sealed class QuarantineTests
{
    private const string Alice = ActiveSyncHost.Alice;

    [Fact]
    public async Task QuarantinedDevice_SeesOnlyTheDefaultFolders_AndTheOwnerIsTold()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "quarantine");
        using var phone = Phone(server, Alice, "QUAR1", "iPhone", "14.1");

        var folders = await FolderNamesAsync(phone);

        Assert.Equal(["Deleted Items", "Drafts", "Inbox", "Outbox", "Sent Items"], folders);
        var notice = Assert.Single(await InboxSubjectsAsync(server, Alice));
        Assert.Contains("waiting for approval", notice, StringComparison.Ordinal);
        Assert.Contains("QUAR1", await CliAsync(server, "device", "list", "--state", "quarantined"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuarantinedDevice_AllowedByTheAdmin_GetsEveryFolder()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "quarantine");
        using var phone = Phone(server, Alice, "QUAR2", "iPhone", "14.1");
        var quarantined = await FolderNamesAsync(phone);

        await CliAsync(server, "device", "allow", "QUAR2");
        var allowed = await FolderNamesAsync(phone);

        Assert.DoesNotContain("Projects", quarantined);
        Assert.Contains("Projects", allowed);
        Assert.Contains("Archive", allowed);
    }

    [Fact]
    public async Task QuarantinedDevice_BlockedByTheAdmin_IsRefused()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "quarantine");
        using var phone = Phone(server, Alice, "QUAR3", "iPhone", "14.1");
        await phone.FolderSyncAsync();

        await CliAsync(server, "device", "block", "QUAR3");
        var refused = await phone.FolderSyncAsync();

        Assert.Equal("129", refused.Value("Status"));
    }

    [Fact]
    public async Task QuarantineNotice_IsSentOnce_NotAtEveryRequest()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "quarantine");
        using var phone = Phone(server, Alice, "QUAR4", "iPhone", "14.1");

        await phone.FolderSyncAsync();
        await phone.FolderSyncAsync();
        await phone.ProvisionAsync();

        Assert.Single(await InboxSubjectsAsync(server, Alice));
    }
}
