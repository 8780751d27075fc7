using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;

namespace Passerelle.ActiveSync.Tests.Http;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("/Microsoft-Server-ActiveSync")]
    [InlineData("/microsoft-server-activesync")]
    [InlineData("/MICROSOFT-SERVER-ACTIVESYNC")]
    public async Task Options_AnyCase_ListsVersionsAndOnlyImplementedCommands(string path)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = server.CreateClient(ActiveSyncHost.Alice, ActiveSyncHost.Password);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12.0,12.1,14.0,14.1,16.0,16.1", response.Headers.GetValues("MS-ASProtocolVersions").Single());
        var commands = response.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',');
        Assert.Contains("Sync", commands);
        Assert.Contains("FolderSync", commands);
        Assert.Contains("Provision", commands);
        Assert.DoesNotContain("GetAttachment", commands); // no handler: not offered
        Assert.True(response.Headers.Contains("MS-Server-ActiveSync"));
    }

    [Fact]
    public async Task Options_WithoutCredentials_StillAnswers()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
