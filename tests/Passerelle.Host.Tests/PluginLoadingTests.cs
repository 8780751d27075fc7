using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Testing;

namespace Passerelle.Host.Tests;

public sealed class PluginLoadingTests
{
    [Fact]
    public async Task TestPlugin_Enabled_ContributesRouteAndServiceFromItsOwnLoadContext()
    {
        IServiceCollection? registered = null;
        await using var server = await PasserelleServer.StartAsync(pluginsDirectory: FixturePlugins.Directory, configureServices: services => registered = services);
        using var client = server.CreateClient();

        var answer = await client.GetStringAsync("/greeter-a/alice");

        Assert.StartsWith("Hello, alice (v1) from 1.0.0.0 in Passerelle.GreeterA", answer, StringComparison.Ordinal);
        var serviceType = registered!.Single(d => d.ServiceType.FullName == "Fixtures.GreeterA.IGreeterService").ServiceType;
        Assert.NotNull(server.Services.GetService(serviceType));
    }

    [Fact]
    public async Task TestPlugin_Disabled_HasNoRouteAndNoService()
    {
        IServiceCollection? registered = null;
        await using var server = await PasserelleServer.StartAsync(
            new Dictionary<string, string?> { ["Plugins:GreeterA:Enabled"] = "false" },
            pluginsDirectory: FixturePlugins.Directory,
            configureServices: services => registered = services);
        using var client = server.CreateClient();

        var response = await client.GetAsync("/greeter-a/alice");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(registered!, d => d.ServiceType.FullName == "Fixtures.GreeterA.IGreeterService");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/greeter-b/bob")).StatusCode);
    }

    [Fact]
    public async Task TwoPlugins_DifferentVersionsOfOneLibrary_BothLoadAndWork()
    {
        await using var server = await PasserelleServer.StartAsync(pluginsDirectory: FixturePlugins.Directory);
        using var client = server.CreateClient();

        var fromA = await client.GetStringAsync("/greeter-a/alice");
        var fromB = await client.GetStringAsync("/greeter-b/bob");

        Assert.StartsWith("Hello, alice (v1) from 1.0.0.0", fromA, StringComparison.Ordinal);
        Assert.StartsWith("Bonjour, bob! (v2) from 2.0.0.0", fromB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedLibrary_MimeKit_ComesFromTheHost()
    {
        await using var server = await PasserelleServer.StartAsync(pluginsDirectory: FixturePlugins.Directory);
        using var client = server.CreateClient();

        var answer = await client.GetStringAsync("/greeter-a/alice");

        Assert.EndsWith("MimeKit in Default", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenPlugin_IsReportedByNameWithItsReason_AndTheOthersStillLoad()
    {
        await using var server = await PasserelleServer.StartAsync(pluginsDirectory: FixturePlugins.Directory);
        using var client = server.CreateClient();

        var list = await server.RunCliAsync("plugins", "list");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/greeter-a/x")).StatusCode);
        var line = list.Ok().Split('\n').Single(l => l.StartsWith("Broken", StringComparison.Ordinal));
        Assert.Contains("failed: ConfigureServices failed: the Broken plugin needs a setting it does not have", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadedPlugin_TurnedOffByConfigurationReload_AnswersNotFoundAtOnce()
    {
        await using var server = await PasserelleServer.StartAsync(pluginsDirectory: FixturePlugins.Directory);
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/greeter-a/x")).StatusCode);

        await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "appsettings.json"), """{ "Plugins": { "GreeterA": { "Enabled": false } } }""");
        ((IConfigurationRoot)server.Services.GetRequiredService<IConfiguration>()).Reload();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/greeter-a/x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/greeter-b/x")).StatusCode);
    }

    [Fact]
    public async Task RealPlugins_AllLoadFromTheHostsPluginsFolder()
    {
        var list = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("data"), null, null, "plugins", "list", "--json");

        var json = System.Text.Json.JsonDocument.Parse(list.Ok()).RootElement;
        var names = json.EnumerateArray().Where(p => p.GetProperty("loaded").GetBoolean()).Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["ActiveSync", "Autodiscover", "GAL", "GroupwareAsMail", "Store.Imap", "Store.Sqlite"], names);
    }
}
