using Passerelle.GAL.Tests.Infrastructure;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Sources;

public sealed class DirectorySourceTests
{
    [Fact]
    public async Task Search_NoGroupListsItsMembers_ListsEveryAccountOfTheDomainAndItsGroups()
    {
        var data = Data(Account("ann@example.com", "Ann Lee"), Account("al@example.com", "Al Bundy"), Account("alex@other.test", "Alex Other"))
            .With(Group("all@example.com", "All Staff", false, "ann@example.com"));
        await using var gal = await GalHarness.StartAsync(data);

        Assert.Equal(["Al Bundy", "All Staff"], await gal.NamesAsync("ann@example.com", "al"));
    }

    [Fact]
    public async Task Search_AGroupListsItsMembers_ListsOnlyMembersOfSuchGroupsFromAnyDomain()
    {
        var data = Data(
                Account("ann@example.com", "Ann Lee"),
                Account("andy@example.com", "Andy Backup"),
                Account("anna@partner.test", "Anna Partner"),
                Account("anton@partner.test", "Anton Partner"))
            .With(
                Group("staff@example.com", "Staff", true, "ann@example.com", "anna@partner.test"),
                Group("robots@example.com", "Robots", false, "andy@example.com"));
        await using var gal = await GalHarness.StartAsync(data);

        Assert.Equal(["Ann Lee", "Anna Partner"], await gal.NamesAsync("ann@example.com", "an"));
        Assert.Equal(["Robots"], await gal.NamesAsync("ann@example.com", "rob"));
        Assert.Equal(["Staff"], await gal.NamesAsync("ann@example.com", "staff"));
    }

    [Fact]
    public async Task Search_AnotherDomainsUser_SeesOnlyItsOwnDomain()
    {
        var data = Data(Account("ann@example.com", "Ann Lee"), Account("anna@partner.test", "Anna Partner"));
        await using var gal = await GalHarness.StartAsync(data);

        Assert.Equal(["Anna Partner"], await gal.NamesAsync("anna@partner.test", "ann"));
    }

    [Fact]
    public async Task Search_AccountAddedToTheDirectory_IsListedOnceTheCacheAgesWithoutRebuildingTheIndex()
    {
        var data = Data(Account("ann@example.com", "Ann Lee"));
        await using var gal = await GalHarness.StartAsync(data);
        Assert.Empty(await gal.NamesAsync("ann@example.com", "paul"));
        var reads = gal.Directory.ListAccountsCalls;

        data.Accounts.Add(Account("paul@example.com", "Paul Durand"));
        gal.DirectoryChanged();
        var cached = await gal.NamesAsync("ann@example.com", "paul");
        gal.AgeCaches();
        var fresh = await gal.NamesAsync("ann@example.com", "paul");

        Assert.Empty(cached);
        Assert.Equal(reads + 1, gal.Directory.ListAccountsCalls);
        Assert.Equal(["Paul Durand"], fresh);
        Assert.Equal(1, gal.Sources.FindDirectory("example.com")!.BaseBuilds);
    }

    [Fact]
    public async Task Search_AccountRenamedOrRemoved_FollowsTheDirectory()
    {
        var data = Data(Account("ann@example.com", "Ann Lee"), Account("paul@example.com", "Paul Durand"), Account("pia@example.com", "Pia Nord"));
        await using var gal = await GalHarness.StartAsync(data);
        Assert.Equal(["Paul Durand"], await gal.NamesAsync("ann@example.com", "durand"));

        data.Accounts[1].DisplayName = "Paul Dupont";
        data.Accounts.RemoveAt(2);
        gal.DirectoryChanged();
        gal.AgeCaches();

        Assert.Empty(await gal.NamesAsync("ann@example.com", "durand"));
        Assert.Equal(["Paul Dupont"], await gal.NamesAsync("ann@example.com", "dupont"));
        Assert.Empty(await gal.NamesAsync("ann@example.com", "pia"));
    }

    [Fact]
    public async Task Search_GroupStopsListingItsMembers_EveryAccountReturns()
    {
        var data = Data(Account("ann@example.com", "Ann Lee"), Account("andy@example.com", "Andy Backup"))
            .With(Group("staff@example.com", "Staff", true, "ann@example.com"));
        await using var gal = await GalHarness.StartAsync(data);
        Assert.Empty(await gal.NamesAsync("ann@example.com", "andy"));

        data.Groups[0].MembersInGal = false;
        gal.DirectoryChanged();
        gal.AgeCaches();

        Assert.Equal(["Andy Backup"], await gal.NamesAsync("ann@example.com", "andy"));
    }
}
