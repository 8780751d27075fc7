using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Directory;
using Passerelle.Testing;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Host;

/// <summary>The plugin as the host loads it: services through SDK types, the command line on the same data directory.</summary>
public sealed class HostTests
{
    private static Fixtures.ConfiguredStore.StoreData Company() =>
        Data(Account("ann@example.com", "Ann Lee"), Account("bob@example.com", "Bob Owner"), Account("eve@other.test", "Eve Other"))
            .With(Book("partners", "bob@example.com", "Partners", Contact("c1", "Paul", "Durand", "paul@partner.test")));

    [Fact]
    public async Task Host_GalEnabled_SearchesTheStoresAccountsOfTheUsersDomain()
    {
        await using var gal = await GalServer.StartAsync(Company());

        Assert.Single(gal.Server.Services.GetServices<IGalProvider>());
        Assert.Equal(["Ann Lee"], await gal.NamesAsync("bob@example.com", "ann"));
        Assert.Empty(await gal.NamesAsync("bob@example.com", "eve"));
    }

    [Fact]
    public async Task Host_GalDisabled_RegistersNoProviderAndNoCommand()
    {
        await using var gal = await GalServer.StartAsync(Company(), new Dictionary<string, string?> { ["Plugins:GAL:Enabled"] = "false" });

        var list = await gal.RunCliAsync("gal", "list");

        Assert.Empty(gal.Server.Services.GetServices<IGalProvider>());
        Assert.NotEqual(0, list.ExitCode);
        Assert.Contains("gal", list.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(gal.DataDirectory, "gal.db")));
    }

    [Fact]
    public async Task Host_GalMisconfigured_FailsToLoadNamingTheSetting()
    {
        var data = TestPaths.NewTemporaryDirectory("data");

        var plugins = await PasserelleServer.RunCliAsync(data, new Dictionary<string, string?> { ["Plugins:GAL:MinQueryLength"] = "0" }, TestPlugins.Directory, "plugins", "list");

        var line = plugins.Ok().Split('\n').Single(l => l.StartsWith("GAL", StringComparison.Ordinal));
        Assert.Contains("MinQueryLength", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_FolderFlaggedOnTheCommandLine_IsSearchedWithinTwoSeconds()
    {
        await using var gal = await GalServer.StartAsync(Company());
        Assert.Empty(await gal.NamesAsync("ann@example.com", "paul"));

        (await gal.RunCliAsync("gal", "flag", "bob@example.com/Partners")).Ok();
        var clock = Stopwatch.StartNew();
        await Eventually.MatchesAsync(() => gal.NamesAsync("ann@example.com", "paul"), names => names.SequenceEqual(["Paul Durand"]));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2.5));
        (await gal.RunCliAsync("gal", "unflag", "partners")).Ok();
        await Eventually.MatchesAsync(() => gal.NamesAsync("ann@example.com", "paul"), names => names.Count == 0);
    }

    [Fact]
    public async Task Host_DirectoryChangedByAnotherProcess_IsSearchedWithinSeconds()
    {
        var data = Company();
        await using var gal = await GalServer.StartAsync(data);
        Assert.Empty(await gal.NamesAsync("ann@example.com", "zoe"));

        data.Accounts.Add(Account("zoe@example.com", "Zoë Ångström"));
        await gal.WriteStoreAsync(data);

        await Eventually.MatchesAsync(() => gal.NamesAsync("ann@example.com", "zoe"), names => names.SequenceEqual(["Zoë Ångström"]));
    }

    [Fact]
    public async Task Host_ContactAddedThroughTheStore_IsSearchedThroughTheChangeFeed()
    {
        await using var gal = await GalServer.StartAsync(Company());
        (await gal.RunCliAsync("gal", "flag", "bob@example.com/Partners")).Ok();
        await Eventually.MatchesAsync(() => gal.NamesAsync("ann@example.com", "paul"), names => names.Count == 1);
        var store = gal.Server.Services.GetRequiredService<Passerelle.Sdk.Groupware.IGroupwareStore>();

        await store.CreateItemAsync("bob@example.com", "partners", new Passerelle.Sdk.Groupware.Contact
        {
            FirstName = "Nadia",
            LastName = "Benali",
            Emails = [new Passerelle.Sdk.Groupware.ContactEmail("nadia@partner.test")],
        }, CancellationToken.None);

        await Eventually.MatchesAsync(() => gal.NamesAsync("ann@example.com", "benali"), names => names.SequenceEqual(["Nadia Benali"]));
    }
}
