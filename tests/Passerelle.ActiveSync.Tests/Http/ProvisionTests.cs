using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Http;

public sealed class ProvisionTests
{
    private const string IosDeviceInformation = """
        <settings:DeviceInformation><settings:Set>
          <settings:Model>iPhone15,2</settings:Model><settings:IMEI>356789012345678</settings:IMEI>
          <settings:FriendlyName>Alice's iPhone</settings:FriendlyName><settings:OS>iOS 18.1</settings:OS>
          <settings:OSLanguage>en</settings:OSLanguage><settings:PhoneNumber>+15550100</settings:PhoneNumber>
          <settings:UserAgent>Apple-iPhone15C2/2201.1</settings:UserAgent><settings:MobileOperator>Carrier</settings:MobileOperator>
        </settings:Set></settings:DeviceInformation>
        """;

    [Fact]
    public async Task Provision_TwoPhases_GiveAPolicyThenANewNonZeroKey_AndRecordDeviceInformation()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "IOSDEVICE1", "iPhone", "16.1");
        client.PolicyKey = 0;

        var first = await client.SendAsync("Provision", $"""
            <Provision xmlns="Provision:" xmlns:settings="Settings:">{IosDeviceInformation}
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>
            """);
        var temporary = first.Value("PolicyKey")!;
        var final = await client.ProvisionAsync();

        Assert.Equal("1", first.All("Status").First().Value);
        Assert.NotNull(first.All("EASProvisionDoc").SingleOrDefault());
        Assert.Equal("0", first.Value("DevicePasswordEnabled"));
        Assert.NotEqual("0", temporary);
        Assert.NotEqual(0u, final);
        Assert.NotEqual(uint.Parse(temporary, System.Globalization.CultureInfo.InvariantCulture), final);
        Assert.Equal("iPhone15,2", await ActiveSyncHost.QueryStateAsync(server, "SELECT model FROM devices WHERE device_id = 'IOSDEVICE1'"));
        Assert.Equal("iOS 18.1", await ActiveSyncHost.QueryStateAsync(server, "SELECT os FROM devices WHERE device_id = 'IOSDEVICE1'"));
    }

    [Fact]
    public async Task Provision_StatusBeforePolicyKey_IsAcceptedAsIosSendsIt()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "IOSDEVICE2");
        client.PolicyKey = 0;
        var first = await client.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");
        client.PolicyKey = uint.Parse(first.Value("PolicyKey")!, System.Globalization.CultureInfo.InvariantCulture);

        var second = await client.SendAsync("Provision", $"""
            <Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><Status>1</Status><PolicyKey>{client.PolicyKey}</PolicyKey></Policy></Policies></Provision>
            """);

        Assert.Equal(["1", "1"], second.All("Status").Select(s => s.Value));
        Assert.NotNull(second.Value("PolicyKey"));
    }

    [Fact]
    public async Task Provision_AcknowledgingAWrongKey_GetsPolicyStatus5()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "DEV5");
        await client.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");

        var ack = await client.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>12345</PolicyKey><Status>1</Status></Policy></Policies></Provision>""");

        Assert.Equal("5", ack.All("Status").Last().Value);
    }

    [Fact]
    public async Task Provision_Version120_SendsOnlyThe120Settings()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "OLD1", "Android", "12.0");

        var first = await client.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");

        Assert.NotNull(first.Value("DevicePasswordHistory"));
        Assert.Null(first.Value("AllowCamera"));
    }

    [Theory]
    [InlineData("14.1", HttpStatusCode.OK, "142")]
    [InlineData("12.1", (HttpStatusCode)449, null)]
    public async Task RequiredProvisioning_DeviceWithoutKey_IsSentToProvision_ThenSyncs(string version, HttpStatusCode expected, string? status)
    {
        await using var server = await ActiveSyncHost.StartAsync(new() { ["Plugins:ActiveSync:RequireProvisioning"] = "true" });
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "STRICT1", "Android", version);

        var refused = await client.FolderSyncAsync();
        await client.ProvisionAsync();
        var accepted = await client.FolderSyncAsync();

        Assert.Equal(expected, refused.Status);
        Assert.Equal(status, status is null ? null : refused.Value("Status"));
        Assert.Equal("1", accepted.Value("Status"));
    }

    [Fact]
    public async Task RequiredProvisioning_StaleKey_GetsStatus144()
    {
        await using var server = await ActiveSyncHost.StartAsync(new() { ["Plugins:ActiveSync:RequireProvisioning"] = "true" });
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "STRICT2", "Android", "14.1");
        var key = await client.ProvisionAsync();
        client.PolicyKey = key + 1;

        var refused = await client.FolderSyncAsync();

        Assert.Equal("144", refused.Value("Status"));
    }
}
