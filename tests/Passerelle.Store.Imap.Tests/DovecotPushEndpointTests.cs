using System.Net;
using System.Text;
using Passerelle.Sdk.Changes;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

/// <summary>
/// Dovecot's push_notification OX driver posting to the plugin's endpoint, with no IMAP connection held
/// (<c>Imap:Push:HoldConnections=false</c>): the driver is the only way the wait can be woken here.
/// </summary>
public sealed class DovecotPushEndpointTests : IAsyncLifetime
{
    private const string Secret = "push-secret-for-tests";
    private Dovecot _dovecot = null!;
    private ImapStoreHost _host = null!;

    public async Task InitializeAsync()
    {
        var port = FreePorts.Take(1)[0];
        _dovecot = await Dovecot.StartAsync(new DovecotFeatures { PushUrl = $"http://127.0.0.1:{port}/imap/push/{Secret}" });
        _host = await ImapStoreHost.StartAsync(_dovecot, overrides: new Dictionary<string, string?>
        {
            ["Imap:Push:HoldConnections"] = "false",
            ["Imap:Push:Secret"] = Secret,
        }, urls: $"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _dovecot.DisposeAsync();
    }

    [Fact]
    public async Task NewMail_DovecotPostsToTheEndpoint_AndTheWaitWakes()
    {
        var account = await _host.NewAccountAsync(_dovecot);
        var inbox = new FolderRef(FolderSource.Mail, "INBOX");
        await using var subscription = await _host.Feed.SubscribeAsync(account.Id, [inbox], CancellationToken.None);

        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();
        await _dovecot.DeliverAsync(account.Id, "pushed by Dovecot");

        Assert.Equal([inbox], await wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Endpoint_WrongSecret_Is403_BadBody_Is400_UnknownUser_Is204()
    {
        using var http = _host.Server.CreateClient();
        static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        var wrong = await http.PutAsync("/imap/push/not-the-secret", Json("""{"user":"x@example.test","event":"messageNew","folder":"INBOX"}"""));
        var bad = await http.PutAsync($"/imap/push/{Secret}", Json("{not json"));
        var noUser = await http.PostAsync($"/imap/push/{Secret}", Json("""{"event":"messageNew"}"""));
        var unknown = await http.PutAsync($"/imap/push/{Secret}", Json("""{"user":"nobody@example.test","event":"messageNew","folder":"INBOX"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUser.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
    }
}
