using Passerelle.GAL.Tests.Infrastructure;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Search;

public sealed class MergeTests
{
    private const string Viewer = "bob@example.com";

    [Fact]
    public async Task Search_SameAddressInAccountAndTwoFlaggedFolders_IsOneEntryWithFieldsInMergeOrder()
    {
        var partners = Book("partners", "bob@example.com", "Partners", Contact("c1", "Alice", "Martin", "alice@example.com"));
        partners.Contacts[0].BusinessPhone = "+33 1 11 11 11 11";
        partners.Contacts[0].JobTitle = "CEO";
        var board = Book("board", "carol@example.com", "Board", Contact("c2", "Alicia", "Martinez", "ALICE@example.com"));
        board.Contacts[0].BusinessPhone = "+33 2 22 22 22 22";
        board.Contacts[0].MobilePhone = "+33 6 66 66 66 66";
        board.Contacts[0].Company = "Example SA";
        board.Contacts[0].JobTitle = "Chair";
        var data = Data(Account("alice@example.com", "Alice Martin"), Account("bob@example.com", "Bob"), Account("carol@example.com", "Carol"))
            .With(partners, board);
        await using var gal = await GalHarness.StartAsync(data, flagged: ["partners", "board"]);

        var result = await gal.SearchAsync(Viewer, "alic");

        var alice = Assert.Single(result.Entries);
        Assert.Equal(1, result.Total);
        Assert.Equal("Alice Martin", alice.DisplayName);         // the directory first
        Assert.Equal("alice@example.com", alice.EmailAddress);
        Assert.Equal("alice", alice.Alias);                      // the directory's alias: the local part
        Assert.Equal("Alice", alice.FirstName);                  // the first flagged folder
        Assert.Equal("Martin", alice.LastName);
        Assert.Equal("+33 1 11 11 11 11", alice.Phone);
        Assert.Equal("CEO", alice.Title);
        Assert.Equal("+33 6 66 66 66 66", alice.MobilePhone);    // only the second folder has it
        Assert.Equal("Example SA", alice.Company);
    }

    [Fact]
    public async Task Search_WordsOfAnySourceOfAMergedEntry_FindIt()
    {
        var board = Book("board", "bob@example.com", "Board", Contact("c2", "Alicia", "Martinez", "alice@example.com"));
        await using var gal = await GalHarness.StartAsync(Data(Account("alice@example.com", "Alice Martin"), Account("bob@example.com")).With(board), flagged: ["board"]);

        Assert.Equal(["Alice Martin"], await gal.NamesAsync(Viewer, "martinez"));
        Assert.Equal(["Alice Martin"], await gal.NamesAsync(Viewer, "alicia mart"));
    }

    [Fact]
    public async Task Search_ContactFiledUnderAnAccountsAlias_MergesWithTheAccount()
    {
        var book = Book("book", "bob@example.com", "Book", Contact("c1", "Alice", "Martin", "a.martin@example.com"));
        book.Contacts[0].MobilePhone = "+33 6 12 34 56 78";
        var data = Data(Account("alice@example.com", "Alice Martin", "a.martin@example.com"), Account("bob@example.com")).With(book);
        await using var gal = await GalHarness.StartAsync(data, flagged: ["book"]);

        var alice = Assert.Single((await gal.SearchAsync(Viewer, "alice")).Entries);

        Assert.Equal("alice@example.com", alice.EmailAddress);
        Assert.Equal("+33 6 12 34 56 78", alice.MobilePhone);
    }

    [Fact]
    public async Task Search_DirectoryKnowsNoName_TakesTheContactsName()
    {
        var book = Book("book", "bob@example.com", "Book", Contact("c1", "Paul", "Durand", "pdurand@example.com"));
        var data = Data(Account("pdurand@example.com"), Account("bob@example.com")).With(book);
        await using var gal = await GalHarness.StartAsync(data, flagged: ["book"]);

        var paul = Assert.Single((await gal.SearchAsync(Viewer, "paul")).Entries);

        Assert.Equal("Paul Durand", paul.DisplayName);
        Assert.Equal("pdurand", paul.Alias);
    }

    [Fact]
    public async Task Search_SameAddressTwiceInOneFolder_IsOneEntry()
    {
        var book = Book("book", "bob@example.com", "Book",
            Contact("c1", "Paul", "Durand", "paul@partner.test"),
            Contact("c2", "Paul", "Durand", "Paul@Partner.test"));
        await using var gal = await GalHarness.StartAsync(Data(Account("bob@example.com")).With(book), flagged: ["book"]);

        var result = await gal.SearchAsync(Viewer, "durand");

        Assert.Equal(1, result.Total);
        Assert.Equal("paul@partner.test", Assert.Single(result.Entries).EmailAddress);
    }

    [Fact]
    public async Task Search_ContactWithoutAddress_IsNotListed()
    {
        var book = Book("book", "bob@example.com", "Book", Contact("c1", "Paul", "Durand"));
        await using var gal = await GalHarness.StartAsync(Data(Account("bob@example.com")).With(book), flagged: ["book"]);

        Assert.Empty(await gal.NamesAsync(Viewer, "paul"));
    }
}
