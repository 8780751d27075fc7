using Passerelle.GAL.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using static Passerelle.GAL.Tests.Infrastructure.TestStore;

namespace Passerelle.GAL.Tests.Search;

public sealed class ResolveTests
{
    private const string Viewer = "bob@example.com";
    private static readonly byte[] AccountCertificate = [0x30, 0x82, 0x01, 0x01];
    private static readonly byte[] ContactCertificate = [0x30, 0x82, 0x02, 0x02];

    private static Fixtures.ConfiguredStore.StoreData Company()
    {
        var alice = Account("alice@example.com", "Alice Martin", "a.martin@example.com");
        alice.Certificates.Add(Convert.ToBase64String(AccountCertificate));
        var book = Book("book", "carol@example.com", "Board", Contact("c1", "Alice", "Martin", "alice@example.com"), Contact("c2", "Alain", "Martin", "alain@partner.test"));
        book.Contacts[0].Certificates.Add(Convert.ToBase64String(ContactCertificate));
        book.Contacts[0].Certificates.Add(Convert.ToBase64String(AccountCertificate)); // the same certificate in both sources
        var own = Book("own", "bob@example.com", "Contacts", GroupwareFolderRole.Default, Contact("p1", "Mum", null, "mum@family.test"));
        return Data(alice, Account("bob@example.com", "Bob"), Account("carol@example.com", "Carol"), Account("martin@example.com", "Martin Martin")).With(book, own);
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("ALICE@example.com")]
    [InlineData("a.martin@example.com")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("\"Martin, Alice\" <a.martin@example.com>")]
    public async Task Resolve_AnAddressOfTheEntry_ReturnsItAloneWithEveryCertificateOnce(string typed)
    {
        await using var gal = await GalHarness.StartAsync(Company(), flagged: ["book"]);

        var alice = Assert.Single(await gal.ResolveAsync(Viewer, typed));

        Assert.Equal("alice@example.com", alice.EmailAddress);
        Assert.Equal([AccountCertificate, ContactCertificate], alice.Certificates);
    }

    [Fact]
    public async Task Resolve_UnknownAddress_ReturnsNothing()
    {
        await using var gal = await GalHarness.StartAsync(Company(), flagged: ["book"]);

        Assert.Empty(await gal.ResolveAsync(Viewer, "nobody@example.com"));
    }

    [Fact]
    public async Task Resolve_AName_ReturnsEveryMatchTheExactNameFirst()
    {
        await using var gal = await GalHarness.StartAsync(Company(), flagged: ["book"]);

        var exact = await gal.ResolveAsync(Viewer, "martin martin");
        var prefix = await gal.ResolveAsync(Viewer, "Martin");

        Assert.Equal(["Martin Martin", "Alain Martin", "Alice Martin"], exact.Select(entry => entry.DisplayName));
        Assert.Equal(["Alain Martin", "Alice Martin", "Martin Martin"], prefix.Select(entry => entry.DisplayName));
    }

    [Fact]
    public async Task Resolve_TheUsersOwnContacts_AreFoundThoughNotInTheGal()
    {
        await using var gal = await GalHarness.StartAsync(Company(), flagged: ["book"]);

        Assert.Equal("mum@family.test", Assert.Single(await gal.ResolveAsync(Viewer, "mum")).EmailAddress);
        Assert.Empty(await gal.NamesAsync(Viewer, "mum"));
        Assert.Empty(await gal.ResolveAsync("carol@example.com", "mum"));
    }

    [Fact]
    public async Task Resolve_ANameWithAnAccountWithoutCertificate_ReturnsNone()
    {
        await using var gal = await GalHarness.StartAsync(Company(), flagged: ["book"]);

        var carol = Assert.Single(await gal.ResolveAsync(Viewer, "carol"));

        Assert.Empty(carol.Certificates);
    }
}
