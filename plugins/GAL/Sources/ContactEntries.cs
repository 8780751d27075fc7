using Passerelle.GAL.Index;
using Passerelle.GAL.Text;
using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GAL.Sources;

/// <summary>Entries for contacts of address books put in the GAL.</summary>
internal static class ContactEntries
{
    /// <summary>
    /// A contact with at least one address (the GAL lists addresses; a contact without one is left out), shown
    /// as "First Last" when it has names and by its <see cref="Contact.DisplayName"/> otherwise. Title is the
    /// job title (the contact's <see cref="Contact.Title"/> is a name prefix); Phone the first work number.
    /// </summary>
    public static IndexedEntry? FromContact(Contact contact, IEntryOrigin origin)
    {
        var addresses = EntryText.Addresses(contact.Emails.Select(email => email.Address));
        if (addresses.Length == 0)
        {
            return null;
        }

        var primary = contact.Emails.First(email => !string.IsNullOrWhiteSpace(email.Address)).Address.Trim();
        var names = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
        var displayName = names.Length > 0 ? names : EntryText.NullIfBlank(contact.DisplayName) ?? primary;
        var name = TextFolding.Fold(displayName);
        var words = new List<string>(12);
        Words.AddFolded(name, words);
        Words.AddName(contact.FileAs, words);
        Words.AddName(contact.FirstName, words);
        Words.AddName(contact.MiddleName, words);
        Words.AddName(contact.LastName, words);
        Words.AddName(contact.NickName, words);
        Words.AddName(contact.Alias, words);
        foreach (var address in addresses)
        {
            Words.AddAddress(address, words);
        }

        return new IndexedEntry
        {
            ItemId = contact.Id,
            Fields = new GalEntry(displayName, primary)
            {
                FirstName = EntryText.NullIfBlank(contact.FirstName),
                LastName = EntryText.NullIfBlank(contact.LastName),
                Alias = EntryText.NullIfBlank(contact.Alias),
                Phone = Phone(contact, PhoneKind.Business) ?? Phone(contact, PhoneKind.Business2) ?? Phone(contact, PhoneKind.CompanyMain),
                HomePhone = Phone(contact, PhoneKind.Home) ?? Phone(contact, PhoneKind.Home2),
                MobilePhone = Phone(contact, PhoneKind.Mobile),
                Office = EntryText.NullIfBlank(contact.OfficeLocation),
                Title = EntryText.NullIfBlank(contact.JobTitle),
                Company = EntryText.NullIfBlank(contact.CompanyName),
            },
            Addresses = addresses,
            Words = EntryText.Sorted(words),
            SortKey = name,
            HasOwnName = EntryText.IsOwnName(name, primary),
            PhotoSize = contact.Photo?.Length ?? 0,
            Origin = origin,
        };
    }

    private static string? Phone(Contact contact, PhoneKind kind) =>
        EntryText.NullIfBlank(contact.Phones.FirstOrDefault(phone => phone.Kind == kind)?.Number);
}
