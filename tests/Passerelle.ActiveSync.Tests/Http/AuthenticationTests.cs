using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Http;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Post_WithoutCredentials_Gets401WithABasicChallenge()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.PostAsync("/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=x&DeviceId=ABC&DeviceType=iPhone", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongPassword_Gets401_AndTheRightOneWorks()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var wrong = new EasClient(server, ActiveSyncHost.Alice, "wrong", "DEV1");
        using var right = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "DEV1");

        var refused = await wrong.FolderSyncAsync();
        var accepted = await right.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Theory]
    [InlineData(@"example.test\alice")]
    [InlineData("ALICE@EXAMPLE.TEST")]
    public async Task Post_DomainBackslashUserOrUpperCaseAddress_SignsIn(string login)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, login, ActiveSyncHost.Password, "DEV1");

        var answer = await client.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("1", answer.Value("Status"));
    }
}
