using System.Text.Json;
using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Cli;

/// <summary><c>passerelle gal</c> as an administrator runs it, on a data directory with the test store.</summary>
public sealed class GalCommandTests
{
    private readonly string _data = TestPaths.NewTemporaryDirectory("data");

    private static Fixtures.ConfiguredStore.StoreData Company()
    {
        var parent = Book("clients", "bob@example.com", "Clients");
        var child = Book("clients-fr", "bob@example.com", "France", Contact("c1", "Paul", "Durand", "paul@partner.test"));
        child.ParentId = "clients";
        var calendar = new Fixtures.ConfiguredStore.FolderData { Id = "cal", Owner = "bob@example.com", Name = "Calendar", Kind = GroupwareKind.Calendar };
        return Data(Account("ann@example.com", "Ann Lee"), Account("bob@example.com", "Bob Owner"))
            .With(Book("partners", "bob@example.com", "Partners"), parent, child, calendar)
            .With(Group("staff@example.com", "Staff", true, "ann@example.com", "bob@example.com"));
    }

    [Fact]
    public async Task Flag_OwnerAndFolderName_PutsItInTheGalOfTheOwnersDomain()
    {
        var flag = await RunAsync(Company(), "gal", "flag", "Bob@Example.com/partners");

        Assert.Equal("bob@example.com/Partners is in the GAL of example.com (folder id partners)", flag.Ok().Trim());
        Assert.Contains("bob@example.com/Partners  id partners", (await RunAsync("gal", "list")).Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flag_NestedFolder_IsNamedByItsPath()
    {
        (await RunAsync(Company(), "gal", "flag", "bob@example.com/Clients/France")).Ok();

        Assert.Contains("bob@example.com/Clients/France  id clients-fr", (await RunAsync("gal", "list")).Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flag_FolderId_FindsItsOwner()
    {
        var flag = await RunAsync(Company(), "gal", "flag", "clients-fr");

        Assert.Contains("bob@example.com/Clients/France is in the GAL", flag.Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flag_Twice_SaysSoAndKeepsOneFlag()
    {
        (await RunAsync(Company(), "gal", "flag", "partners")).Ok();

        var again = await RunAsync("gal", "flag", "bob@example.com/Partners");

        Assert.Contains("already in the GAL", again.Ok(), StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse((await RunAsync("gal", "list", "--json")).Ok()).RootElement.GetProperty("folders").EnumerateArray());
    }

    [Theory]
    [InlineData("nobody@example.com/Partners", "there is no account nobody@example.com")]
    [InlineData("bob@example.com/Suppliers", "bob@example.com has no folder 'Suppliers'; its address books: 'Partners', 'Clients', 'Clients/France'")]
    [InlineData("no-such-id", "there is no folder with the id 'no-such-id'")]
    [InlineData("bob@example.com/Calendar", "bob@example.com/Calendar holds calendar, not contacts")]
    public async Task Flag_WrongFolder_FailsWithOneLineAndFlagsNothing(string folder, string error)
    {
        var flag = await RunAsync(Company(), "gal", "flag", folder);

        Assert.Equal(1, flag.ExitCode);
        Assert.StartsWith($"error: {error}", flag.Error, StringComparison.Ordinal);
        Assert.Single(flag.Error.Trim().Split('\n'));
        Assert.Contains("No address book is flagged", (await RunAsync("gal", "list")).Ok(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("partners")]
    [InlineData("bob@example.com/Partners")]
    [InlineData("BOB@example.com/PARTNERS")]
    public async Task Unflag_ByIdOrName_TakesItOut(string folder)
    {
        (await RunAsync(Company(), "gal", "flag", "partners")).Ok();

        var unflag = await RunAsync("gal", "unflag", folder);

        Assert.Equal("bob@example.com/Partners is no longer in the GAL", unflag.Ok().Trim());
        Assert.Contains("No address book is flagged", (await RunAsync("gal", "list")).Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unflag_FolderNotFlagged_Fails()
    {
        var unflag = await RunAsync(Company(), "gal", "unflag", "partners");

        Assert.Equal(1, unflag.ExitCode);
        Assert.Equal("error: partners is not in the GAL; 'gal list' shows what is", unflag.Error.Trim());
    }

    [Fact]
    public async Task List_FolderGoneSinceItWasFlagged_SaysSoAndCanStillUnflagIt()
    {
        var data = Company();
        (await RunAsync(data, "gal", "flag", "bob@example.com/Partners")).Ok();
        data.Folders.RemoveAll(folder => folder.Id == "partners");

        var list = await RunAsync(data, "gal", "list");
        var unflag = await RunAsync("gal", "unflag", "bob@example.com/Partners");

        Assert.Contains("bob@example.com/Partners  id partners  (not found", list.Ok(), StringComparison.Ordinal);
        unflag.Ok();
    }

    [Fact]
    public async Task List_Json_GivesFoldersInMergeOrderAndGroupsListingTheirMembers()
    {
        (await RunAsync(Company(), "gal", "flag", "clients-fr")).Ok();
        (await RunAsync("gal", "flag", "partners")).Ok();

        var list = JsonDocument.Parse((await RunAsync("gal", "list", "--json")).Ok()).RootElement;

        Assert.Equal(["clients-fr", "partners"], list.GetProperty("folders").EnumerateArray().Select(folder => folder.GetProperty("id").GetString()));
        Assert.Equal("bob@example.com/Clients/France", list.GetProperty("folders")[0].GetProperty("folder").GetString());
        var staff = Assert.Single(list.GetProperty("groups").EnumerateArray());
        Assert.Equal("staff@example.com", staff.GetProperty("address").GetString());
        Assert.Equal(2, staff.GetProperty("members").GetInt32());
    }

    private async Task<CliResult> RunAsync(Fixtures.ConfiguredStore.StoreData data, params string[] args)
    {
        await GalServer.WriteStoreAsync(_data, data);
        return await RunAsync(args);
    }

    private Task<CliResult> RunAsync(params string[] args) => PasserelleServer.RunCliAsync(_data, null, TestPlugins.Directory, args);
}
