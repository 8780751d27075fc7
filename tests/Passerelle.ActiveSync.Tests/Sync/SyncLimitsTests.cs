using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Sync;

/// <summary>What the policy and the per-device settings withhold from Sync, GetItemEstimate and ItemOperations, whatever the device asks.</summary>
public sealed class SyncLimitsTests
{
    private const string HtmlBody = "<airsyncbase:BodyPreference><airsyncbase:Type>2</airsyncbase:Type></airsyncbase:BodyPreference>";

    [Fact]
    public async Task TextOnlyAndNoAttachments_OnTheDevice_GivePlainTextWithoutAttachments()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Alternative("Styled", "Plain words", "<p><b>Bold</b> words</p>"), Messages.WithAttachment("Report", "report.pdf", Convert.ToBase64String(new byte[300]))]);
        using var limited = await PhoneAsync(server, "LIMITED1");
        using var free = await PhoneAsync(server, "FREE1");
        await ActiveSyncHost.CliAsync(server, "device", "settings", "set", "--level", "device:LIMITED1", "TextOnly=1", "NoAttachments=1");

        var limitedAdds = await limited.SyncAllAsync(limited.FolderOfType(2), HtmlBody);
        var freeAdds = await free.SyncAllAsync(free.FolderOfType(2), HtmlBody);

        var styled = limitedAdds.Single(a => EasPhone.Child(a, "Subject") == "Styled");
        Assert.Equal("1", EasPhone.Child(styled, "Type"));
        Assert.Equal("Plain words", EasPhone.Child(styled, "Data")!.Trim());
        Assert.Null(EasPhone.Child(limitedAdds.Single(a => EasPhone.Child(a, "Subject") == "Report"), "FileReference"));
        Assert.Equal("2", EasPhone.Child(freeAdds.Single(a => EasPhone.Child(a, "Subject") == "Styled"), "Type"));
        var reference = EasPhone.Child(freeAdds.Single(a => EasPhone.Child(a, "Subject") == "Report"), "FileReference")!;

        // The attachment Sync did not list cannot be fetched either.
        var fetch = await limited.Client.SendAsync("ItemOperations", $"""
            <ItemOperations xmlns="ItemOperations:" xmlns:airsyncbase="AirSyncBase:">
              <Fetch><Store>Mailbox</Store><airsyncbase:FileReference>{reference}</airsyncbase:FileReference></Fetch>
            </ItemOperations>
            """);
        Assert.Equal("16", fetch.All("Fetch").Single().Elements().First(e => e.Name.LocalName == "Status").Value);
    }

    [Fact]
    public async Task PolicyWithoutHtml_GivesEveryDevicePlainText()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Alternative("Styled", "Plain words", "<p><b>Bold</b> words</p>")]);
        await ActiveSyncHost.CliAsync(server, "policy", "set", "--level", "server", "AllowHTMLEmail=0");
        using var phone = await PhoneAsync(server, "PHONE1");

        var add = (await phone.SyncAllAsync(phone.FolderOfType(2), HtmlBody)).Single();

        Assert.Equal("1", EasPhone.Child(add, "Type"));
    }

    [Fact]
    public async Task MailSyncPeriod_ClampsFilterTypeAll_InSyncAndEstimate()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1, date: now.AddHours(-5)), Messages.Plain(2, date: now.AddDays(-10)), Messages.Plain(3, date: now.AddDays(-40))]);
        using var phone = await PhoneAsync(server, "PERIOD1");
        await ActiveSyncHost.CliAsync(server, "device", "settings", "set", "--level", "device:PERIOD1", "MailSyncPeriod=3");
        var inbox = phone.FolderOfType(2);

        var adds = await phone.SyncAllAsync(inbox, "<FilterType>0</FilterType>" + HtmlBody);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(4, date: now.AddDays(-20)), Messages.Plain(5, date: now.AddHours(-1))]);
        var estimate = await phone.Client.SendAsync("GetItemEstimate", $"""
            <GetItemEstimate xmlns="GetItemEstimate:" xmlns:airsync="AirSync:"><Collections><Collection>
              <airsync:SyncKey>{phone.Keys[inbox]}</airsync:SyncKey><CollectionId>{inbox}</CollectionId>
              <airsync:Options><airsync:FilterType>0</airsync:FilterType></airsync:Options>
            </Collection></Collections></GetItemEstimate>
            """);

        Assert.Equal(["Message 1"], adds.Select(a => EasPhone.Child(a, "Subject")));
        Assert.Equal("1", estimate.Value("Estimate"));
    }

    [Fact]
    public async Task RetrievalSize_TruncatesBodiesTheDeviceAskedWhole()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1, body: new string('a', 5000))]);
        using var phone = await PhoneAsync(server, "SMALL1");
        await ActiveSyncHost.CliAsync(server, "device", "settings", "set", "--level", "device:SMALL1", "RetrievalSize=100");

        var add = (await phone.SyncAllAsync(phone.FolderOfType(2), "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference>")).Single();

        Assert.Equal("1", EasPhone.Child(add, "Truncated"));
        Assert.True(EasPhone.Child(add, "Data")!.Length <= 100);
        Assert.Equal("5000", EasPhone.Child(add, "EstimatedDataSize"));
    }

    private static async Task<EasPhone> PhoneAsync(PasserelleServer server, string deviceId)
    {
        var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, deviceId);
        await phone.SetupAsync();
        return phone;
    }
}
