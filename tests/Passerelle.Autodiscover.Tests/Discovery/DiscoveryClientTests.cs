using Passerelle.Autodiscover.Discovery;
using Passerelle.Autodiscover.Tests.Infrastructure;

namespace Passerelle.Autodiscover.Tests.Discovery;

/// <summary>
/// The discovery chain against real DNS (dnsmasq) and real hosts over HTTPS: each test domain leaves exactly one
/// route open, and the attempts show the client walked the chain in order up to it.
/// </summary>
[Collection(DiscoveryNetworkCollection.Name)]
public sealed class DiscoveryClientTests(DiscoveryNetwork network)
{
    private const string HomeUrl = "https://mail.first.test/Microsoft-Server-ActiveSync";

    [Fact]
    public async Task Discover_AutodiscoverHostAnswers_FoundAtTheFirstStep()
    {
        var result = await DiscoverAsync("alice@first.test");

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
        Assert.Equal("alice@first.test", result.EmailAddress);
        Assert.Equal("Alice Martin", result.DisplayName);
        var attempt = Assert.Single(result.Attempts);
        Assert.Equal(("POST", "https://autodiscover.first.test/autodiscover/autodiscover.xml"), (attempt.Method, attempt.Target));
        Assert.True(attempt.Succeeded);
    }

    [Fact]
    public async Task Discover_OnlyTheDomainItselfAnswers_FoundAtTheSecondStep()
    {
        var result = await DiscoverAsync("alice@apex.test");

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
        Assert.Collection(
            result.Attempts,
            a => AssertAttempt(a, "POST", "https://autodiscover.apex.test/autodiscover/autodiscover.xml", "name not found"),
            a => AssertAttempt(a, "POST", "https://apex.test/autodiscover/autodiscover.xml", $"found {HomeUrl}"));
    }

    [Fact]
    public async Task Discover_OnlyTheHttpRedirect_FollowsItToHttps()
    {
        var result = await DiscoverAsync("alice@plain.test");

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
        Assert.Collection(
            result.Attempts,
            a => AssertAttempt(a, "POST", "https://autodiscover.plain.test/autodiscover/autodiscover.xml", "certificate name mismatch"),
            a => AssertAttempt(a, "POST", "https://plain.test/autodiscover/autodiscover.xml", "no address"),
            a => AssertAttempt(a, "GET", "http://autodiscover.plain.test/autodiscover/autodiscover.xml", "HTTP 302 to https://mail.first.test/autodiscover/autodiscover.xml"),
            a => AssertAttempt(a, "POST", "https://mail.first.test/autodiscover/autodiscover.xml", $"found {HomeUrl}"));
    }

    [Fact]
    public async Task Discover_OnlyTheSrvRecord_PostsToItsTargetAndPort()
    {
        var result = await DiscoverAsync("alice@srv.test");

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
        Assert.Collection(
            result.Attempts,
            a => AssertAttempt(a, "POST", "https://autodiscover.srv.test/autodiscover/autodiscover.xml", "name not found"),
            a => AssertAttempt(a, "POST", "https://srv.test/autodiscover/autodiscover.xml", "no address"),
            a => AssertAttempt(a, "GET", "http://autodiscover.srv.test/autodiscover/autodiscover.xml", "name not found"),
            a => AssertAttempt(a, "SRV", "_autodiscover._tcp.srv.test", "mail.first.test:8443"),
            a => AssertAttempt(a, "POST", "https://mail.first.test:8443/autodiscover/autodiscover.xml", $"found {HomeUrl}"));
    }

    [Fact]
    public async Task Discover_OnlyTheSecondMxHostWorks_FoundThereAndTheThirdIsNotTried()
    {
        var result = await DiscoverAsync("alice@mx.test");

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
        Assert.Collection(
            result.Attempts,
            a => AssertAttempt(a, "POST", "https://autodiscover.mx.test/autodiscover/autodiscover.xml", "name not found"),
            a => AssertAttempt(a, "POST", "https://mx.test/autodiscover/autodiscover.xml", "no address"),
            a => AssertAttempt(a, "GET", "http://autodiscover.mx.test/autodiscover/autodiscover.xml", "name not found"),
            a => AssertAttempt(a, "SRV", "_autodiscover._tcp.mx.test", "name not found"),
            a => AssertAttempt(a, "MX", "mx.test", "mx1.mx.test, mx2.mx.test, mx3.mx.test"),
            a => AssertAttempt(a, "POST", "https://mx1.mx.test/autodiscover/autodiscover.xml", "connection refused"),
            a => AssertAttempt(a, "POST", "https://mx2.mx.test/autodiscover/autodiscover.xml", $"found {HomeUrl}"));
    }

    [Fact]
    public async Task Discover_AccountHostedElsewhere_FollowsTheRedirectToTheOtherServer()
    {
        var result = await DiscoverAsync("alice@moved.test");

        Assert.Equal(new Uri("https://sync.elsewhere.test/Microsoft-Server-ActiveSync"), result.ActiveSyncUrl);
        Assert.Equal("alice@elsewhere.test", result.EmailAddress);
        Assert.Collection(
            result.Attempts,
            a => AssertAttempt(a, "POST", "https://autodiscover.moved.test/autodiscover/autodiscover.xml", "redirect to the address alice@elsewhere.test"),
            a => AssertAttempt(a, "POST", "https://autodiscover.elsewhere.test/autodiscover/autodiscover.xml", "found https://sync.elsewhere.test/Microsoft-Server-ActiveSync"));
    }

    [Fact]
    public async Task Discover_RedirectsInACircle_StopsWithALoop()
    {
        var result = await DiscoverAsync("alice@loop-a.test");

        Assert.False(result.Found);
        Assert.Equal("redirect loop: alice@loop-b.test was sent back to alice@loop-a.test", result.Failure);
        Assert.Equal(2, result.Attempts.Count);
    }

    [Fact]
    public async Task Discover_WrongPassword_FindsNothingAndSaysWhoRefusedIt()
    {
        var result = await DiscoverAsync("bob@first.test", "not the password");

        Assert.False(result.Found);
        Assert.Equal("no ActiveSync endpoint found for bob@first.test; the password was refused by autodiscover.first.test, mail.first.test", result.Failure);
        Assert.Contains(result.Attempts, a => a.Outcome == "credentials refused (HTTP 401)");
    }

    [Fact]
    public async Task Discover_UnknownDomain_TriesEveryStepInOrder()
    {
        var result = await DiscoverAsync("alice@nowhere.test");

        Assert.False(result.Found);
        Assert.Equal("no ActiveSync endpoint found for alice@nowhere.test", result.Failure);
        Assert.Equal(
            ["POST https://autodiscover.nowhere.test/autodiscover/autodiscover.xml", "POST https://nowhere.test/autodiscover/autodiscover.xml",
             "GET http://autodiscover.nowhere.test/autodiscover/autodiscover.xml", "SRV _autodiscover._tcp.nowhere.test", "MX nowhere.test"],
            result.Attempts.Select(a => $"{a.Method} {a.Target}"));
    }

    [Fact]
    public async Task Discover_CertificateFromAnUntrustedRoot_FailsThatAttempt()
    {
        var client = new DiscoveryClient(network.Options with { TrustedRoots = [] }, TimeProvider.System);

        var result = await client.DiscoverAsync("alice@first.test", TestAccounts.Password, null, CancellationToken.None);

        Assert.False(result.Found);
        Assert.StartsWith("certificate not trusted", result.Attempts[0].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_Insecure_AcceptsTheUntrustedCertificate()
    {
        var client = new DiscoveryClient(network.Options with { TrustedRoots = [], AcceptAnyCertificate = true }, TimeProvider.System);

        var result = await client.DiscoverAsync("alice@first.test", TestAccounts.Password, null, CancellationToken.None);

        Assert.Equal(new Uri(HomeUrl), result.ActiveSyncUrl);
    }

    [Fact]
    public async Task Discover_ServerThatNeverAnswers_GivesUpAfterTheAttemptTimeoutAndGoesOn()
    {
        // Accepts connections and never says a word: the TLS handshake waits until the attempt times out.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var connectTo = new Dictionary<System.Net.IPEndPoint, System.Net.IPEndPoint>(network.ConnectTo)
        {
            [new(DiscoveryNetwork.SlowAddress, 443)] = (System.Net.IPEndPoint)silent.LocalEndpoint,
            [new(DiscoveryNetwork.SlowAddress, 80)] = network.ConnectTo[new(DiscoveryNetwork.DeadAddress, 443)],
        };
        var client = new DiscoveryClient(network.Options with { ConnectTo = connectTo, AttemptTimeout = TimeSpan.FromMilliseconds(500) }, TimeProvider.System);

        var result = await client.DiscoverAsync("alice@slow.test", TestAccounts.Password, null, CancellationToken.None);

        Assert.False(result.Found);
        AssertAttempt(result.Attempts[0], "POST", "https://autodiscover.slow.test/autodiscover/autodiscover.xml", "no answer within 0.5 s");
        Assert.Equal(5, result.Attempts.Count);
    }

    [Fact]
    public async Task Discover_ReportsEachAttemptAsItEnds()
    {
        var reported = new List<DiscoveryAttempt>();
        var client = new DiscoveryClient(network.Options, TimeProvider.System);

        var result = await client.DiscoverAsync("alice@apex.test", TestAccounts.Password, reported.Add, CancellationToken.None);

        Assert.Equal(result.Attempts, reported);
    }

    private Task<DiscoveryResult> DiscoverAsync(string address, string password = TestAccounts.Password) =>
        new DiscoveryClient(network.Options, TimeProvider.System).DiscoverAsync(address, password, null, CancellationToken.None);

    private static void AssertAttempt(DiscoveryAttempt attempt, string method, string target, string outcomeStart)
    {
        Assert.Equal((method, target), (attempt.Method, attempt.Target));
        Assert.StartsWith(outcomeStart, attempt.Outcome, StringComparison.Ordinal);
    }
}
