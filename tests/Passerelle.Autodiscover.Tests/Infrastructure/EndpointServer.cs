using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>
/// One host over plain HTTP with the Autodiscover plugin and a test store: accounts in example.test (the default
/// settings), other.test (a domain override), moved.test and hosted.test (hosted elsewhere).
/// </summary>
public sealed class EndpointServer : IAsyncLifetime
{
    public PasserelleServer Server { get; private set; } = null!;

    public static Dictionary<string, string?> Configuration()
    {
        var configuration = new Dictionary<string, string?>();
        TestAccounts.Add(configuration, 0, "alice@example.test", "Alice Martin", "alice.martin@example.test");
        TestAccounts.Add(configuration, 1, "bob@example.test", "Bob Durand");
        TestAccounts.Add(configuration, 2, "carol@moved.test", "Carol Petit");
        TestAccounts.Add(configuration, 3, "dave@other.test", "Dave Moreau");
        TestAccounts.Add(configuration, 4, "erin@hosted.test", "Erin Lefebvre");
        AddProtocol(configuration, "Plugins:Autodiscover:Protocols:0", "IMAP", "imap.example.test", 993, "Ssl");
        AddProtocol(configuration, "Plugins:Autodiscover:Protocols:1", "SMTP", "smtp.example.test", 587, "Tls");
        AddProtocol(configuration, "Plugins:Autodiscover:Protocols:2", "CalDAV", "https://dav.example.test/caldav/", null, "Ssl");
        AddProtocol(configuration, "Plugins:Autodiscover:Protocols:3", "CardDAV", "https://dav.example.test/carddav/", null, "Ssl");
        AddProtocol(configuration, "Plugins:Autodiscover:Protocols:4", "XMPP", "xmpp.example.test", 5222, "Tls");
        configuration["Plugins:Autodiscover:Protocols:4:LoginName"] = "{local}";
        configuration["Plugins:Autodiscover:Domains:other.test:ActiveSyncUrl"] = "https://sync.other.test/Microsoft-Server-ActiveSync";
        AddProtocol(configuration, "Plugins:Autodiscover:Domains:other.test:Protocols:0", "IMAP", "imap.other.test", 143, "Tls");
        configuration["Plugins:Autodiscover:Redirects:moved.test:Domain"] = "new.test";
        configuration["Plugins:Autodiscover:Redirects:erin@hosted.test:Address"] = "erin@cloud.test";
        configuration["Plugins:Autodiscover:Redirects:erin@hosted.test:Url"] = "https://autodiscover.cloud.test/autodiscover/autodiscover.xml";
        return configuration;
    }

    public async Task InitializeAsync() =>
        Server = await PasserelleServer.StartAsync(Configuration(), pluginsDirectory: TestPlugins.Directory);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private static void AddProtocol(Dictionary<string, string?> configuration, string prefix, string type, string server, int? port, string encryption)
    {
        configuration[$"{prefix}:Type"] = type;
        configuration[$"{prefix}:Server"] = server;
        if (port is not null)
        {
            configuration[$"{prefix}:Port"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        configuration[$"{prefix}:Encryption"] = encryption;
    }
}
