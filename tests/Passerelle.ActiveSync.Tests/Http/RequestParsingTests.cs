using System.Net;
using System.Text;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Http;

public sealed class RequestParsingTests
{
    [Fact]
    public async Task Base64Query_IsUnderstoodLikeThePlainOne()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "B64DEVICE", version: "14.1") { Base64Query = true };

        var answer = await client.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("1", answer.Value("Status"));
        Assert.Equal("14.1", await ActiveSyncHost.QueryStateAsync(server, "SELECT protocol_version FROM devices WHERE device_id = 'B64DEVICE'"));
    }

    [Fact]
    public async Task GzipRequestAndResponse_Work()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var http = server.CreateClient(ActiveSyncHost.Alice, ActiveSyncHost.Password);
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GZ1");

        var body = Passerelle.ActiveSync.Wbxml.WbxmlXml.FromXml("""<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>""");
        var answer = await client.SendBytesAsync("FolderSync", body, "application/vnd.ms-sync.wbxml", gzip: true);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("1", answer.Value("Status"));
    }

    public static TheoryData<string, string, HttpStatusCode> BadQueries => new()
    {
        { "no command", "User=a&DeviceId=D1&DeviceType=iPhone", HttpStatusCode.BadRequest },
        { "no device id", "Cmd=FolderSync&User=a&DeviceType=iPhone", HttpStatusCode.BadRequest },
        { "no device type", "Cmd=FolderSync&User=a&DeviceId=D1", HttpStatusCode.BadRequest },
        { "unknown command", "Cmd=Frobnicate&User=a&DeviceId=D1&DeviceType=iPhone", HttpStatusCode.NotImplemented },
        { "garbage", "%%%%", HttpStatusCode.BadRequest },
        { "truncated base64", "jAAJBAp2MTQw", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task MalformedQuery_Gets4xxOr501_AndTheNextGoodRequestWorks(string why, string query, HttpStatusCode expected)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var http = server.CreateClient(ActiveSyncHost.Alice, ActiveSyncHost.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query);
        request.Headers.Add("MS-ASProtocolVersion", "14.1");

        using var response = await http.SendAsync(request);
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GOOD1");
        var next = await client.FolderSyncAsync();

        Assert.True(response.StatusCode == expected, why);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task MissingOrUnknownVersion_Gets400()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "V1", version: "2.5");

        var answer = await client.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Theory]
    [InlineData("12.1", HttpStatusCode.BadRequest)]
    [InlineData("14.1", HttpStatusCode.OK)]
    public async Task MalformedWbxml_Gets400Before14_AndStatus102From14(string version, HttpStatusCode expected)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "BAD1", version: version);

        var answer = await client.SendBytesAsync("FolderSync", Encoding.ASCII.GetBytes("this is not wbxml"), "application/vnd.ms-sync.wbxml");
        var next = await client.FolderSyncAsync();

        Assert.Equal(expected, answer.Status);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("102", answer.Value("Status"));
        }

        Assert.Equal("1", next.Value("Status"));
    }

    [Fact]
    public async Task AndroidValidateDeviceId_IsAnsweredButNotRecorded()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "validate", "Android", "14.1");

        var answer = await client.FolderSyncAsync();

        Assert.Equal("1", answer.Value("Status"));
        Assert.Equal(0L, await ActiveSyncHost.QueryStateAsync(server, "SELECT COUNT(*) FROM devices WHERE device_id = 'validate'"));
    }
}
