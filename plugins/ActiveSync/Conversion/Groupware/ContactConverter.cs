using System.Globalization;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using C = Passerelle.ActiveSync.Wbxml.CodePages.Contacts;
using C2 = Passerelle.ActiveSync.Wbxml.CodePages.Contacts2;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// Contacts and Contacts2 (MS-ASCNTC 2.2.2). EAS has one slot per phone kind, three e-mail and three IM
/// addresses, and one postal address per kind: what does not fit a slot (a second mobile number, a fourth
/// address) is never sent and is kept when the device changes the contact.
/// </summary>
internal sealed class ContactConverter : IGroupwareConverter
{
    private const int MaxPictureBytes = 48 * 1024; // MS-ASCNTC 2.2.2.56

    private static readonly (PhoneKind Kind, WbxmlTag Tag)[] PhoneTags =
    [
        (PhoneKind.Assistant, C.AssistantPhoneNumber), (PhoneKind.Business2, C.Business2PhoneNumber), (PhoneKind.BusinessFax, C.BusinessFaxNumber),
        (PhoneKind.Business, C.BusinessPhoneNumber), (PhoneKind.Car, C.CarPhoneNumber), (PhoneKind.Home2, C.Home2PhoneNumber),
        (PhoneKind.HomeFax, C.HomeFaxNumber), (PhoneKind.Home, C.HomePhoneNumber), (PhoneKind.Mobile, C.MobilePhoneNumber),
        (PhoneKind.Pager, C.PagerNumber), (PhoneKind.Radio, C.RadioPhoneNumber), (PhoneKind.CompanyMain, C2.CompanyMainPhone), (PhoneKind.Mms, C2.MMS),
    ];

    private static readonly (AddressKind Kind, WbxmlTag Street, WbxmlTag City, WbxmlTag State, WbxmlTag PostalCode, WbxmlTag Country)[] AddressTags =
    [
        (AddressKind.Business, C.BusinessAddressStreet, C.BusinessAddressCity, C.BusinessAddressState, C.BusinessAddressPostalCode, C.BusinessAddressCountry),
        (AddressKind.Home, C.HomeAddressStreet, C.HomeAddressCity, C.HomeAddressState, C.HomeAddressPostalCode, C.HomeAddressCountry),
        (AddressKind.Other, C.OtherAddressStreet, C.OtherAddressCity, C.OtherAddressState, C.OtherAddressPostalCode, C.OtherAddressCountry),
    ];

    private static readonly WbxmlTag[] EmailTags = [C.Email1Address, C.Email2Address, C.Email3Address];

    private static readonly WbxmlTag[] ImTags = [C2.IMAddress, C2.IMAddress2, C2.IMAddress3];

    public EasClass Class => EasClass.Contacts;

    public GroupwareKind Kind => GroupwareKind.Contacts;

    public bool InFilter(GroupwareItem item, CollectionContext context) => true;

    public DateTimeOffset? SortDate(GroupwareItem item) => item.LastModified;

    public void Write(WbxmlWriter writer, GroupwareItem item, GroupwareWriteOptions options)
    {
        var contact = (Contact)item;
        GroupwareBody.Write(writer, contact.Notes, null, options.BodyPreferences, options.Version);
        writer.WriteIf(C.Anniversary, contact.Anniversary is { } anniversary ? DateOf(anniversary) : null);
        writer.WriteIf(C.AssistantName, contact.AssistantName);
        writer.WriteIf(C.Birthday, contact.Birthday is { } birthday ? DateOf(birthday) : null);
        foreach (var (kind, tag) in PhoneTags)
        {
            writer.WriteIf(tag, contact.Phones.FirstOrDefault(p => p.Kind == kind)?.Number);
        }

        foreach (var (kind, street, city, state, postalCode, country) in AddressTags)
        {
            if (contact.Addresses.FirstOrDefault(a => a.Kind == kind) is { } address)
            {
                writer.WriteIf(city, address.City);
                writer.WriteIf(country, address.Country);
                writer.WriteIf(postalCode, address.PostalCode);
                writer.WriteIf(state, address.State);
                writer.WriteIf(street, address.Street);
            }
        }

        writer.WriteList(C.Categories, C.Category, contact.Categories);
        writer.WriteList(C.Children, C.Child, contact.Children);
        writer.WriteIf(C.CompanyName, contact.CompanyName);
        writer.WriteIf(C.Department, contact.Department);
        for (var i = 0; i < EmailTags.Length && i < contact.Emails.Count; i++)
        {
            writer.WriteIf(EmailTags[i], contact.Emails[i].Address);
        }

        writer.WriteIf(C.FileAs, contact.FileAs);
        writer.WriteIf(C.FirstName, contact.FirstName);
        writer.WriteIf(C.JobTitle, contact.JobTitle);
        writer.WriteIf(C.LastName, contact.LastName);
        writer.WriteIf(C.MiddleName, contact.MiddleName);
        writer.WriteIf(C.OfficeLocation, contact.OfficeLocation);
        writer.WriteIf(C.Spouse, contact.Spouse);
        writer.WriteIf(C.Suffix, contact.Suffix);
        writer.WriteIf(C.Title, contact.Title);
        writer.WriteIf(C.WebPage, contact.WebPage);
        writer.WriteIf(C.YomiCompanyName, contact.YomiCompanyName);
        writer.WriteIf(C.YomiFirstName, contact.YomiFirstName);
        writer.WriteIf(C.YomiLastName, contact.YomiLastName);
        if (contact.Photo is { Length: > 0 and <= MaxPictureBytes } photo)
        {
            writer.WriteElement(C.Picture, Convert.ToBase64String(photo));
        }

        if (options.Version >= ProtocolVersion.V140)
        {
            writer.WriteIf(C.Alias, contact.Alias);
        }

        writer.WriteIf(C2.CustomerId, contact.CustomerId);
        writer.WriteIf(C2.GovernmentId, contact.GovernmentId);
        for (var i = 0; i < ImTags.Length && i < contact.ImAddresses.Count; i++)
        {
            writer.WriteIf(ImTags[i], contact.ImAddresses[i]);
        }

        writer.WriteIf(C2.ManagerName, contact.ManagerName);
        writer.WriteIf(C2.AccountName, contact.AccountName);
        writer.WriteIf(C2.NickName, contact.NickName);
    }

    public GroupwareItem Read(IncomingItem incoming, GroupwareItem? current, ProtocolVersion version)
    {
        var old = current as Contact ?? new Contact();
        var body = GroupwareBody.Read(incoming.Data);
        return old with
        {
            Notes = body is { } given ? given.Text : incoming.KeepsAlways(Wbxml.CodePages.AirSyncBase.Body) ? old.Notes : null,
            Anniversary = Day(incoming, C.Anniversary, old.Anniversary),
            AssistantName = incoming.Text(C.AssistantName, old.AssistantName),
            Birthday = Day(incoming, C.Birthday, old.Birthday),
            Phones = Phones(incoming, old.Phones),
            Addresses = Addresses(incoming, old.Addresses),
            Categories = incoming.List(C.Categories, C.Category, old.Categories),
            Children = incoming.List(C.Children, C.Child, old.Children),
            CompanyName = incoming.Text(C.CompanyName, old.CompanyName),
            Department = incoming.Text(C.Department, old.Department),
            Emails = Slots(incoming, EmailTags, old.Emails, e => e.Address, (text, was) => new ContactEmail(text, was?.Label)),
            FileAs = incoming.Text(C.FileAs, old.FileAs),
            FirstName = incoming.Text(C.FirstName, old.FirstName),
            JobTitle = incoming.Text(C.JobTitle, old.JobTitle),
            LastName = incoming.Text(C.LastName, old.LastName),
            MiddleName = incoming.Text(C.MiddleName, old.MiddleName),
            OfficeLocation = incoming.Text(C.OfficeLocation, old.OfficeLocation),
            Spouse = incoming.Text(C.Spouse, old.Spouse),
            Suffix = incoming.Text(C.Suffix, old.Suffix),
            Title = incoming.Text(C.Title, old.Title),
            WebPage = incoming.Text(C.WebPage, old.WebPage),
            YomiCompanyName = incoming.Text(C.YomiCompanyName, old.YomiCompanyName),
            YomiFirstName = incoming.Text(C.YomiFirstName, old.YomiFirstName),
            YomiLastName = incoming.Text(C.YomiLastName, old.YomiLastName),
            Photo = Picture(incoming, old.Photo),
            Alias = version >= ProtocolVersion.V140 || !incoming.IsChange ? incoming.Text(C.Alias, old.Alias) : old.Alias,
            CustomerId = incoming.Text(C2.CustomerId, old.CustomerId),
            GovernmentId = incoming.Text(C2.GovernmentId, old.GovernmentId),
            ImAddresses = Slots(incoming, ImTags, old.ImAddresses, im => im, (text, _) => text),
            ManagerName = incoming.Text(C2.ManagerName, old.ManagerName),
            AccountName = incoming.Text(C2.AccountName, old.AccountName),
            NickName = incoming.Text(C2.NickName, old.NickName),
        };
    }

    // FIELD-NOTES 20: iOS sends local midnight in UTC (the evening before east of Greenwich), Android 08:00 or
    // 12:00 UTC, Samsung 00:00: a time after noon is the next day. Noon UTC is the same date in nearly every zone.
    private static string DateOf(DateOnly date) => EasDate.Format(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    private static DateOnly? Day(IncomingItem incoming, WbxmlTag tag, DateOnly? current) =>
        incoming.Value(tag, current, text =>
        {
            var utc = EasDate.Parse(text, tag.Name ?? "a date").UtcDateTime;
            return (DateOnly?)DateOnly.FromDateTime(utc.TimeOfDay > TimeSpan.FromHours(12) ? utc.AddDays(1) : utc);
        }, null);

    private static byte[]? Picture(IncomingItem incoming, byte[]? current)
    {
        if (!incoming.Has(C.Picture))
        {
            return incoming.IsChange ? current : null;
        }

        var text = incoming.Data.Value(C.Picture) ?? "";
        return text.Length == 0 ? null : Convert.TryFromBase64String(text, new byte[text.Length], out _) ? Convert.FromBase64String(text) : throw new ConversionException("Picture is not base64");
    }

    private static List<ContactPhone> Phones(IncomingItem incoming, IReadOnlyList<ContactPhone> current)
    {
        var result = new List<ContactPhone>();
        var handled = new HashSet<PhoneKind>();
        foreach (var phone in current)
        {
            var slot = PhoneTags.FirstOrDefault(p => p.Kind == phone.Kind);
            if (slot == default || !handled.Add(phone.Kind))
            {
                result.Add(phone); // no slot for it in EAS: the device never saw it
                continue;
            }

            if (incoming.Text(slot.Tag, phone.Number) is { } number)
            {
                result.Add(phone with { Number = number });
            }
        }

        foreach (var (kind, tag) in PhoneTags.Where(p => !handled.Contains(p.Kind)))
        {
            if (incoming.Text(tag, null) is { } number)
            {
                result.Add(new ContactPhone(number, kind));
            }
        }

        return result;
    }

    private static List<PostalAddress> Addresses(IncomingItem incoming, IReadOnlyList<PostalAddress> current)
    {
        var result = new List<PostalAddress>();
        foreach (var (kind, street, city, state, postalCode, country) in AddressTags)
        {
            var old = current.FirstOrDefault(a => a.Kind == kind) ?? new PostalAddress(kind);
            var address = old with
            {
                Street = incoming.Text(street, old.Street),
                City = incoming.Text(city, old.City),
                State = incoming.Text(state, old.State),
                PostalCode = incoming.Text(postalCode, old.PostalCode),
                Country = incoming.Text(country, old.Country),
            };
            if (address.Street is not null || address.City is not null || address.State is not null || address.PostalCode is not null || address.Country is not null)
            {
                result.Add(address);
            }
        }

        result.AddRange(current.Where(a => !ReferenceEquals(current.First(b => b.Kind == a.Kind), a))); // second addresses of a kind: kept
        return result;
    }

    private static List<T> Slots<T>(IncomingItem incoming, WbxmlTag[] tags, IReadOnlyList<T> current, Func<T, string> text, Func<string, T?, T> make)
    {
        var result = new List<T>();
        for (var i = 0; i < tags.Length; i++)
        {
            var was = i < current.Count ? current[i] : default;
            if (incoming.Text(tags[i], was is null ? null : text(was)) is { } value)
            {
                result.Add(make(value, was));
            }
        }

        result.AddRange(current.Skip(tags.Length)); // beyond the three slots: kept
        return result;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
