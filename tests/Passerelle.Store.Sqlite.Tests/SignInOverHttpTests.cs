using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Testing;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>Accounts made with the CLI, signing in over HTTP against the real host.</summary>
public sealed class SignInOverHttpTests
{
    private const string Password = "S3cret-pässword";

    [Fact]
    public async Task UserAddThenServe_AccountAuthenticates_WrongPasswordFails_DatabaseHoldsNoClearPassword()
    {
        var data = TestPaths.NewTemporaryDirectory("data");
        (await StoreServer.RunCliAsync(data, "domain", "add", "example.test")).Ok();
        (await StoreServer.RunCliAsync(data, "user", "add", "alice@example.test", "--password", Password, "--name", "Alice Liddell")).Ok();

        await using var server = await StoreServer.StartAsync(data);
        using var right = server.CreateClient("alice@example.test", Password);
        using var wrong = server.CreateClient("alice@example.test", Password + "x");
        using var bareLocalPart = server.CreateClient("alice", Password);

        Assert.Equal("alice@example.test", await right.GetStringAsync("/whoami"));
        Assert.Equal("alice@example.test", await bareLocalPart.GetStringAsync("/whoami"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/whoami")).StatusCode);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(Password)), $"{file} holds the password");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(Password)), $"{file} holds the password");
        }
    }

    [Fact]
    public async Task PasswordChangeThroughTheCli_AppliesToTheRunningServerAtOnce()
    {
        await using var server = await StoreServer.StartAsync();
        (await server.RunCliAsync("domain", "add", "example.test")).Ok();
        (await server.RunCliAsync("user", "add", "bob@example.test", "--password", Password)).Ok();
        using var old = server.CreateClient("bob@example.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/whoami")).StatusCode); // now cached by the host

        (await PasserelleServer.RunProcessAsync(server.DataDirectory, "user", "passwd", "bob@example.test", "--password", "another one")).Ok();

        using var renewed = server.CreateClient("bob@example.test", "another one");
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/whoami")).StatusCode);
    }

    [Fact]
    public async Task UserRemoveThroughTheCli_AppliesToTheRunningServerAtOnce()
    {
        await using var server = await StoreServer.StartAsync();
        (await server.RunCliAsync("domain", "add", "example.test")).Ok();
        (await server.RunCliAsync("user", "add", "carol@example.test", "--password", Password)).Ok();
        using var client = server.CreateClient("carol@example.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/whoami")).StatusCode);

        (await server.RunCliAsync("user", "remove", "carol@example.test")).Ok();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/whoami")).StatusCode);
    }

    [Theory]
    [InlineData("dave@example.test")]
    [InlineData("nobody@example.test")]
    public async Task RepeatedFailures_RefuseThatAddressForThatLogin_UntilTheWindowPasses_ButNotTheOwnerElsewhere(string login)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StoreServer.StartAsync(
            configureServices: services => services.AddSingleton<TimeProvider>(time),
            configuration: new Dictionary<string, string?>
            {
                ["Security:SignIn:MaxFailuresPerLoginAndAddress"] = "3",
                ["Security:SignIn:Window"] = "00:10:00",
                ["Security:SignIn:CacheDuration"] = "00:00:00",
            });
        (await server.RunCliAsync("domain", "add", "example.test")).Ok();
        (await server.RunCliAsync("user", "add", "dave@example.test", "--password", Password)).Ok();
        var isKnown = login == "dave@example.test";
        using var attacker = ClientFrom(server, IPAddress.Loopback, login, "guess");
        using var owner = ClientFrom(server, IPAddress.Loopback, login, Password);
        using var ownerElsewhere = ClientFrom(server, IPAddress.Parse("127.0.0.2"), login, Password);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync("/whoami")).StatusCode);
        }

        var refused = await owner.GetAsync("/whoami");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await attacker.GetAsync("/whoami")).StatusCode);
        Assert.Equal(isKnown ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await ownerElsewhere.GetAsync("/whoami")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(isKnown ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await owner.GetAsync("/whoami")).StatusCode);
    }

    /// <summary>A client whose connections come from a given loopback address (the whole of 127/8 is local).</summary>
    private static HttpClient ClientFrom(PasserelleServer server, IPAddress local, string login, string password)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = PasserelleServer.BasicAuthorization(login, password);
        return client;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
