using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using static Passerelle.GroupwareAsMail.Tests.Infrastructure.GroupwarePhone;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>The switch at its three levels, changed by the CLI while the server runs: devices see it at their next FolderSync.</summary>
public sealed class SwitchTests
{
    [Fact]
    public async Task GwmailOffForTheUser_RemovesTheFoldersAtTheNextFolderSync()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        Assert.NotNull(Parent(phone));

        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice);
        var answer = await phone.FolderSyncAsync();

        Assert.Null(Parent(phone));
        Assert.Equal(4, answer.All("Delete").Count());
    }

    [Fact]
    public async Task GwmailAutoForTheUser_GivesThemToA121Device_NotToA161Device()
    {
        await using var server = await DemoHost.StartAsync(new() { ["Plugins:GroupwareAsMail:Default"] = "off" });
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        await DemoHost.CliAsync(server, "gwmail", "auto", "--user", DemoHost.Alice); // back to the default: off

        using var before = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        Assert.Null(Parent(before));

        await using var auto = await DemoHost.StartAsync();
        await DemoHost.CliAsync(auto, "gwmail", "off", "--user", DemoHost.Alice);
        await DemoHost.CliAsync(auto, "gwmail", "auto", "--user", DemoHost.Alice);
        using var old = await DemoHost.PhoneAsync(auto, "OLDPHONE1", "12.1");
        using var current = await DemoHost.PhoneAsync(auto, "NEWPHONE1", "16.1", "iPhone");

        Assert.Equal(["Files", "Notes", "Tasks"], Subfolders(old));
        Assert.Null(Parent(current));
    }

    [Fact]
    public async Task AutoDeviceTypes_GiveThemToA161DeviceOfThatType()
    {
        await using var server = await DemoHost.StartAsync(new() { ["Plugins:GroupwareAsMail:AutoDeviceTypes:0"] = "WindowsMail" });

        using var listed = await DemoHost.PhoneAsync(server, "WINMAIL1", "16.1", "WindowsMail");
        using var other = await DemoHost.PhoneAsync(server, "NEWPHONE1", "16.1", "iPhone");

        Assert.NotNull(Parent(listed));
        Assert.Null(Parent(other));
    }

    [Fact]
    public async Task GwmailOffForOneDevice_RemovesThemFromThatDeviceOnly()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var first = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        using var second = await DemoHost.PhoneAsync(server, "OLDPHONE2", "12.1");

        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice, "--device", "OLDPHONE1");
        await first.FolderSyncAsync();
        await second.FolderSyncAsync();

        Assert.Null(Parent(first));
        Assert.Equal(["Files", "Notes", "Tasks"], Subfolders(second));
    }

    [Fact]
    public async Task GwmailOnForOneDevice_WinsOverTheUsersOff()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "NEWPHONE1", "16.1", "iPhone");
        Assert.Null(Parent(phone));

        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice, "--device", "NEWPHONE1");
        await phone.FolderSyncAsync();

        Assert.Equal(["Files", "Notes", "Tasks"], Subfolders(phone));
    }
}
