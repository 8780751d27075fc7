using Fixtures.ConfiguredStore;

namespace Passerelle.Gal.Benchmark;

/// <summary>
/// Made-up people, the same on every run: common first names (accented ones among them) and family names built
/// from syllables, so that prefixes are spread as in a real directory of many thousand names.
/// </summary>
internal static class People
{
    private static readonly string[] FirstNames =
    [
        "Adam", "Adèle", "Agnès", "Ahmed", "Aiko", "Alain", "Albert", "Alexandre", "Alice", "Aline", "Amélie", "Ana", "André", "Ángel", "Anna",
        "Anne", "Antoine", "Arthur", "Aurélie", "Benoît", "Bernard", "Björn", "Camille", "Carlos", "Caroline", "Céline", "Charles", "Chloé",
        "Christian", "Claire", "Claude", "Daniel", "David", "Denis", "Diane", "Dominique", "Éléonore", "Élise", "Emma", "Éric", "Étienne",
        "Fatima", "François", "Frédéric", "Gabriel", "Gérard", "Hélène", "Henri", "Hugo", "Inès", "Isabelle", "Jacques", "Jean", "Jean-Pierre",
        "Jérôme", "Joël", "José", "Julie", "Julien", "Karim", "Laura", "Laurent", "Léa", "Léon", "Louis", "Lucas", "Lucie", "Łukasz", "Manon",
        "Marc", "Marie", "Martin", "Mathieu", "Michel", "Mohamed", "Nathalie", "Nicolas", "Noël", "Océane", "Olivier", "Pascal", "Patrick",
        "Paul", "Philippe", "Pierre", "Raphaël", "René", "Richard", "Robert", "Sandrine", "Sarah", "Sébastien", "Sophie", "Søren", "Stéphane",
        "Sylvie", "Thierry", "Thomas", "Valérie", "Vincent", "Wu", "Yasmine", "Yves", "Zoë",
    ];

    private static readonly string[] Syllables =
    [
        "ba", "bé", "bo", "car", "ché", "da", "de", "du", "fa", "fer", "ga", "gi", "gon", "la", "le", "li", "lo", "ma", "mar", "mi", "mo",
        "na", "ne", "ni", "no", "pa", "pé", "pi", "ra", "re", "ri", "ro", "rou", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "vi",
        "zé", "zo", "ber", "tin", "son", "rand", "mont", "court", "ville", "ret", "lin", "ard",
    ];

    public static (string First, string Last) Name(Random random) =>
        (FirstNames[random.Next(FirstNames.Length)], Capitalise(string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]))));

    /// <summary>The directory's accounts, then one flagged folder whose contacts are half colleagues (merged with their accounts), half outsiders.</summary>
    public static StoreData Company(int accounts, int contacts, int seed)
    {
        var random = new Random(seed);
        var data = new StoreData();
        for (var i = 0; i < accounts; i++)
        {
            var (first, last) = Name(random);
            data.Accounts.Add(new AccountData { Address = $"{Ascii(first)}.{Ascii(last)}.{i}@example.com", Password = "x", DisplayName = $"{first} {last}" });
        }

        var book = new FolderData { Id = "partners", Owner = data.Accounts[0].Address, Name = "Partners" };
        for (var i = 0; i < contacts; i++)
        {
            var colleague = i % 2 == 0 ? data.Accounts[random.Next(accounts)] : null;
            var (first, last) = colleague is null ? Name(random) : (colleague.DisplayName!.Split(' ')[0], colleague.DisplayName!.Split(' ', 2)[1]);
            book.Contacts.Add(new ContactData
            {
                Id = $"c{i}",
                FirstName = first,
                LastName = last,
                Emails = [colleague?.Address ?? $"{Ascii(first)}.{Ascii(last)}.{i}@partner.test"],
                MobilePhone = $"+33 6 {i:00 00 00 00}",
                JobTitle = "Buyer",
                Company = "Partner SA",
            });
        }

        data.Folders.Add(book);
        return data;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Ascii(string text) => Passerelle.GAL.Text.TextFolding.Fold(text).Replace("-", "", StringComparison.Ordinal);
}
