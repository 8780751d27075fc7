using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Sources;

public sealed class AddressBookSourceTests
{
    private const string Owner = "bob@example.com";
    private const string Viewer = "ann@example.com";

    private static Fixtures.ConfiguredStore.StoreData Partners() =>
        Data(Account("ann@example.com", "Ann Lee"), Account("bob@example.com", "Bob Owner"), Account("eve@other.test", "Eve"))
            .With(Book("partners", Owner, "Partners", Contact("c1", "Paul", "Durand", "paul@partner.test")));

    [Fact]
    public async Task Search_ContactAddedToAFlaggedFolder_IsFoundWithoutListingTheFolderAgain()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);
        Assert.Empty(await gal.NamesAsync(Viewer, "nadia"));

        await gal.Groupware.CreateItemAsync(Owner, "partners", new Contact { FirstName = "Nadia", LastName = "Benali", Emails = [new ContactEmail("nadia@partner.test")] }, CancellationToken.None);

        await Eventually.MatchesAsync(() => gal.NamesAsync(Viewer, "nadia"), names => names.SequenceEqual(["Nadia Benali"]));
        Assert.Equal(1, gal.Groupware.FullListings);
        Assert.Equal(1, gal.Sources.FindBook("partners")!.BaseBuilds);
    }

    [Fact]
    public async Task Search_ContactChangedThenDeleted_FollowsTheFolder()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);
        Assert.Equal(["Paul Durand"], await gal.NamesAsync(Viewer, "paul"));
        var paul = (Contact)(await gal.Groupware.GetItemAsync(Owner, "partners", "c1", CancellationToken.None))!;

        await gal.Groupware.UpdateItemAsync(Owner, "partners", paul with { LastName = "Dupuis", JobTitle = "Buyer" }, CancellationToken.None);
        var changed = await Eventually.MatchesAsync(() => gal.SearchAsync(Viewer, "paul"), result => result.Entries.SingleOrDefault()?.LastName == "Dupuis");
        await gal.Groupware.DeleteItemAsync(Owner, "partners", "c1", CancellationToken.None);

        Assert.Equal("Buyer", changed.Entries[0].Title);
        Assert.Empty(await gal.NamesAsync(Viewer, "durand"));
        await Eventually.MatchesAsync(() => gal.NamesAsync(Viewer, "paul"), names => names.Count == 0);
    }

    [Fact]
    public async Task Search_StoreForgotTheStateTheGalHad_ListsTheFolderAgain()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);
        Assert.Equal(["Paul Durand"], await gal.NamesAsync(Viewer, "paul"));

        await gal.Groupware.CreateItemAsync(Owner, "partners", new Contact { FirstName = "Nadia", Emails = [new ContactEmail("nadia@partner.test")] }, CancellationToken.None);
        await Eventually.MatchesAsync(() => gal.NamesAsync(Viewer, "nadia"), names => names.Count == 1);
        gal.Groupware.ExpireStates("partners");
        await gal.Groupware.DeleteItemAsync(Owner, "partners", "c1", CancellationToken.None);

        await Eventually.MatchesAsync(() => gal.NamesAsync(Viewer, "paul"), names => names.Count == 0);
        Assert.Equal(["Nadia"], await gal.NamesAsync(Viewer, "nadia"));
        Assert.Equal(2, gal.Groupware.FullListings);
    }

    [Fact]
    public async Task Search_FlaggedFolderDeleted_ItsContactsDisappear()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);
        Assert.Equal(["Paul Durand"], await gal.NamesAsync(Viewer, "paul"));

        await gal.Groupware.DeleteFolderAsync(Owner, "partners", CancellationToken.None);

        await Eventually.MatchesAsync(() => gal.NamesAsync(Viewer, "paul"), names => names.Count == 0);
        Assert.True(gal.Sources.FindBook("partners")!.Missing);
    }

    [Fact]
    public async Task Search_NoChangeFeed_FindsChangesByPolling()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"], withFeed: false);
        Assert.Empty(await gal.NamesAsync(Viewer, "nadia"));

        await gal.Groupware.CreateItemAsync(Owner, "partners", new Contact { FirstName = "Nadia", Emails = [new ContactEmail("nadia@partner.test")] }, CancellationToken.None);

        await Eventually.MatchesAsync(
            () =>
            {
                gal.Time.Advance(gal.Options.FolderPollInterval);
                return gal.NamesAsync(Viewer, "nadia");
            },
            names => names.Count == 1);
    }

    [Fact]
    public async Task Search_FolderNotFlagged_IsNotInTheGal()
    {
        await using var gal = await GalHarness.StartAsync(Partners());

        Assert.Empty(await gal.NamesAsync(Viewer, "paul"));
        Assert.Empty(await gal.NamesAsync(Owner, "paul"));
    }

    [Fact]
    public async Task Search_FolderFlaggedInAnotherDomain_IsNotInThisDomainsGal()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);

        Assert.Empty(await gal.NamesAsync("eve@other.test", "paul"));
    }

    [Fact]
    public async Task Search_FolderFlaggedByAnotherProcess_IsSearchedOnceTheCacheAges()
    {
        await using var gal = await GalHarness.StartAsync(Partners());
        Assert.Empty(await gal.NamesAsync(Viewer, "paul"));

        var elsewhere = new GAL.Flags.GalFlagStore(gal.FlagFile, TimeProvider.System);
        await elsewhere.AddAsync(Owner, "partners", "bob@example.com/Partners", CancellationToken.None);
        var cached = await gal.NamesAsync(Viewer, "paul");
        gal.AgeCaches();

        Assert.Empty(cached);
        Assert.Equal(["Paul Durand"], await gal.NamesAsync(Viewer, "paul"));
    }

    [Fact]
    public async Task Search_DirectoryBook_IsSearchedByEveryoneWhoSeesItWithoutFlag()
    {
        var data = Partners().With(Book("dir", "bob@example.com", "Company directory", GroupwareFolderRole.Directory, Contact("d1", "Reception", null, "reception@example.com")));
        await using var gal = await GalHarness.StartAsync(data);

        Assert.Equal(["Reception"], await gal.NamesAsync(Viewer, "recep"));
        Assert.Empty(await gal.NamesAsync("eve@other.test", "recep"));
    }

    [Fact]
    public async Task Search_CollectedAddresses_AreSearchedByTheirOwnerOnlyAfterEverythingElse()
    {
        var collected = Book("collected", Owner, "Collected", GroupwareFolderRole.CollectedAddresses,
            Contact("k1", "Paula", "Collected", "paul@partner.test"),
            Contact("k2", "Quentin", "Once", "quentin@elsewhere.test"));
        collected.Contacts[0].MobilePhone = "+33 6 00 00 00 00";
        var data = Partners().With(collected);
        await using var gal = await GalHarness.StartAsync(data, flagged: ["partners"]);

        var paul = Assert.Single((await gal.SearchAsync(Owner, "paul")).Entries);

        Assert.Equal("Paul Durand", paul.DisplayName);           // the flagged folder comes first
        Assert.Equal("+33 6 00 00 00 00", paul.MobilePhone);      // only the collected address has it
        Assert.Equal(["Quentin Once"], await gal.NamesAsync(Owner, "quentin"));
        Assert.Empty(await gal.NamesAsync(Viewer, "quentin"));
    }

    [Fact]
    public async Task Search_PhotoChangedInTheStore_ReturnsTheCurrentPhoto()
    {
        await using var gal = await GalHarness.StartAsync(Partners(), flagged: ["partners"]);
        var paul = (Contact)(await gal.Groupware.GetItemAsync(Owner, "partners", "c1", CancellationToken.None))!;
        await gal.Groupware.UpdateItemAsync(Owner, "partners", paul with { Photo = new byte[50] }, CancellationToken.None);

        var result = await Eventually.MatchesAsync(
            () => gal.SearchAsync(Viewer, "paul", pictures: new GalPictureOptions(MaxSize: 100, MaxPictures: null)),
            found => found.Entries.Single().Picture!.Status == GalPictureStatus.Success);

        Assert.Equal(50, result.Entries.Single().Picture!.Data!.Length);
    }

    [Fact]
    public async Task Search_AfterTheIdleTimeout_UnusedBooksAreDroppedButFlaggedOnesKept()
    {
        var data = Partners().With(Book("collected", Owner, "Collected", GroupwareFolderRole.CollectedAddresses, Contact("k1", "Quentin", "Once", "quentin@elsewhere.test")));
        await using var gal = await GalHarness.StartAsync(data, flagged: ["partners"]);
        Assert.Equal(["Quentin Once"], await gal.NamesAsync(Owner, "quentin"));

        gal.Time.Advance(gal.Options.IdleTimeout + TimeSpan.FromMinutes(1));
        await gal.NamesAsync(Viewer, "paul");

        Assert.Null(gal.Sources.FindBook("collected"));
        Assert.NotNull(gal.Sources.FindBook("partners"));
        Assert.Equal(["Quentin Once"], await gal.NamesAsync(Owner, "quentin")); // read again when needed
    }
}
