using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Directory;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Search;

public sealed class PictureTests
{
    private const string Viewer = "bob@example.com";

    // In result order: Photo A (small), Photo B (no photo), Photo C (large), Photo D (small), Photo E (small).
    private static Fixtures.ConfiguredStore.StoreData Photos()
    {
        var book = Book("book", "bob@example.com", "Book",
            Contact("a", "Photo", "A", "a@partner.test"),
            Contact("b", "Photo", "B", "b@partner.test"),
            Contact("c", "Photo", "C", "c@partner.test"),
            Contact("d", "Photo", "D", "d@partner.test"),
            Contact("e", "Photo", "E", "e@partner.test"));
        book.Contacts[0].Photo = Photo(100);
        book.Contacts[2].Photo = Photo(5000);
        book.Contacts[3].Photo = Photo(200);
        book.Contacts[4].Photo = Photo(300);
        return Data(Account("bob@example.com", "Bob")).With(book);
    }

    [Fact]
    public async Task Search_PicturesAskedFor_GivesEachResultItsStatusInOrder()
    {
        await using var gal = await GalHarness.StartAsync(Photos(), flagged: ["book"]);

        var result = await gal.SearchAsync(Viewer, "photo", pictures: new GalPictureOptions(MaxSize: 1000, MaxPictures: 2));

        Assert.Equal(
            [GalPictureStatus.Success, GalPictureStatus.NoPhoto, GalPictureStatus.TooLarge, GalPictureStatus.Success, GalPictureStatus.MaxPicturesExceeded],
            result.Entries.Select(entry => entry.Picture!.Status));
        Assert.Equal(100, result.Entries[0].Picture!.Data!.Length);
        Assert.Equal(200, result.Entries[3].Picture!.Data!.Length);
        Assert.All(result.Entries.Where(entry => entry.Picture!.Status != GalPictureStatus.Success), entry => Assert.Null(entry.Picture!.Data));
    }

    [Fact]
    public async Task Search_PicturesWithoutLimits_ReturnsEveryPhoto()
    {
        await using var gal = await GalHarness.StartAsync(Photos(), flagged: ["book"]);

        var result = await gal.SearchAsync(Viewer, "photo", pictures: new GalPictureOptions(MaxSize: null, MaxPictures: null));

        Assert.Equal(4, result.Entries.Count(entry => entry.Picture!.Status == GalPictureStatus.Success));
    }

    [Fact]
    public async Task Search_PicturesOfALaterRange_CountFromThatRange()
    {
        await using var gal = await GalHarness.StartAsync(Photos(), flagged: ["book"]);

        var result = await gal.SearchAsync(Viewer, "photo", offset: 3, limit: 2, pictures: new GalPictureOptions(MaxSize: null, MaxPictures: 1));

        Assert.Equal([GalPictureStatus.Success, GalPictureStatus.MaxPicturesExceeded], result.Entries.Select(entry => entry.Picture!.Status));
    }

    [Fact]
    public async Task Search_PicturesNotAskedFor_GivesNoPictureElement()
    {
        await using var gal = await GalHarness.StartAsync(Photos(), flagged: ["book"]);

        var result = await gal.SearchAsync(Viewer, "photo");

        Assert.All(result.Entries, entry => Assert.Null(entry.Picture));
    }

    [Fact]
    public async Task Search_AccountWithoutContact_HasNoPhoto()
    {
        await using var gal = await GalHarness.StartAsync(Photos(), flagged: ["book"]);

        var bob = Assert.Single((await gal.SearchAsync(Viewer, "bob", pictures: new GalPictureOptions(null, null))).Entries);

        Assert.Equal(GalPictureStatus.NoPhoto, bob.Picture!.Status);
    }
}
