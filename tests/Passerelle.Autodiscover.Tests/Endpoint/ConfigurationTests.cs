using Passerelle.Autodiscover.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Endpoint;

/// <summary>A misconfigured plugin fails at start-up with the setting's name, shown by <c>passerelle plugins list</c>.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Plugins:Autodiscover:Redirects:old.test:Url", "https://elsewhere.test/autodiscover/autodiscover.xml", "Redirects:old.test needs either Address or Domain")]
    [InlineData("Plugins:Autodiscover:Redirects:old.test:Domain", "old.test", "Redirects:old.test sends the account to itself")]
    [InlineData("Plugins:Autodiscover:ActiveSyncUrl", "/Microsoft-Server-ActiveSync", "ActiveSyncUrl '/Microsoft-Server-ActiveSync' is not an absolute https:// URL")]
    [InlineData("Plugins:Autodiscover:Protocols:0:Type", "IMAP", "Protocols:0 needs Type and Server")]
    public async Task Plugin_Misconfigured_IsReportedWithTheSetting(string key, string value, string reason)
    {
        var result = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("cli"), new Dictionary<string, string?> { [key] = value }, TestPlugins.Directory, "plugins", "list");

        var line = result.Ok().Split('\n').Single(l => l.StartsWith("Autodiscover", StringComparison.Ordinal));
        Assert.Contains($"failed: ConfigureServices failed: Plugins:Autodiscover is misconfigured: {reason}", line, StringComparison.Ordinal);
    }
}
