using System.Globalization;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>vCard 3.0 and 4.0 (RFC 2426, RFC 6350) to and from the store's contacts; vCard 3.0 is written.</summary>
internal static class VCards
{
    private static readonly (PhoneKind Kind, string Types)[] PhoneTypes =
    [
        (PhoneKind.Mobile, "CELL"), (PhoneKind.Home, "HOME,VOICE"), (PhoneKind.Home2, "HOME"), (PhoneKind.Business, "WORK,VOICE"), (PhoneKind.Business2, "WORK"),
        (PhoneKind.BusinessFax, "WORK,FAX"), (PhoneKind.HomeFax, "HOME,FAX"), (PhoneKind.Car, "CAR"), (PhoneKind.Pager, "PAGER"), (PhoneKind.Radio, "X-RADIO"),
        (PhoneKind.Assistant, "X-ASSISTANT"), (PhoneKind.CompanyMain, "X-COMPANY-MAIN"), (PhoneKind.Mms, "X-MMS"), (PhoneKind.Other, "VOICE"),
    ];

    public static IReadOnlyList<Contact> Read(string document)
    {
        var contacts = new List<Contact>();
        List<ContentLine>? card = null;
        foreach (var line in ContentLine.ReadAll(document))
        {
            if (line.Name == "BEGIN" && line.Value.Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                card = [];
            }
            else if (line.Name == "END" && card is not null)
            {
                contacts.Add(ReadOne(card));
                card = null;
            }
            else
            {
                card?.Add(line);
            }
        }

        return contacts;
    }

    public static string Write(IEnumerable<Contact> contacts)
    {
        var writer = new ContentWriter();
        foreach (var c in contacts)
        {
            writer.Line("BEGIN", "VCARD").Line("VERSION", "3.0").Text("UID", c.Uid);
            writer.Line("FN", ContentLine.Escape(c.DisplayName));
            writer.Line("N", string.Join(';', new[] { c.LastName, c.FirstName, c.MiddleName, c.Title, c.Suffix }.Select(p => ContentLine.Escape(p ?? ""))));
            writer.Text("NICKNAME", c.NickName).Text("X-FILE-AS", c.FileAs);
            if (c.CompanyName is not null || c.Department is not null)
            {
                writer.Line("ORG", $"{ContentLine.Escape(c.CompanyName ?? "")};{ContentLine.Escape(c.Department ?? "")}");
            }

            writer.Text("TITLE", c.JobTitle).Text("X-OFFICE", c.OfficeLocation).Text("X-MANAGER", c.ManagerName).Text("X-ASSISTANT", c.AssistantName).Text("X-SPOUSE", c.Spouse);
            foreach (var child in c.Children)
            {
                writer.Text("X-CHILD", child);
            }

            foreach (var email in c.Emails)
            {
                writer.Line("EMAIL", ContentLine.Escape(email.Address), ("TYPE", email.Label ?? "INTERNET"));
            }

            foreach (var phone in c.Phones)
            {
                writer.Line("TEL", ContentLine.Escape(phone.Number), ("TYPE", PhoneTypes.First(p => p.Kind == phone.Kind).Types));
            }

            foreach (var address in c.Addresses)
            {
                writer.Line("ADR", string.Join(';', new[] { "", "", address.Street, address.City, address.State, address.PostalCode, address.Country }.Select(p => ContentLine.Escape(p ?? ""))),
                    ("TYPE", address.Kind switch { AddressKind.Home => "HOME", AddressKind.Business => "WORK", _ => "OTHER" }));
            }

            foreach (var im in c.ImAddresses)
            {
                writer.Text("IMPP", im);
            }

            writer.Text("URL", c.WebPage).Text("NOTE", c.Notes);
            if (c.Birthday is { } birthday)
            {
                writer.Line("BDAY", birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (c.Anniversary is { } anniversary)
            {
                writer.Line("X-ANNIVERSARY", anniversary.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (c.Categories.Count > 0)
            {
                writer.Line("CATEGORIES", string.Join(',', c.Categories.Select(ContentLine.Escape)));
            }

            if (c.Photo is { Length: > 0 } photo)
            {
                writer.Line("PHOTO", Convert.ToBase64String(photo), ("ENCODING", "b"), ("TYPE", photo[0] == 0x89 ? "PNG" : "JPEG"));
            }

            writer.Text("X-CUSTOMER-ID", c.CustomerId).Text("X-GOVERNMENT-ID", c.GovernmentId).Text("X-ACCOUNT", c.AccountName).Text("X-ALIAS", c.Alias);
            writer.Text("X-YOMI-FIRST", c.YomiFirstName).Text("X-YOMI-LAST", c.YomiLastName).Text("X-YOMI-COMPANY", c.YomiCompanyName);
            writer.Line("END", "VCARD");
        }

        return writer.ToString();
    }

    private static Contact ReadOne(List<ContentLine> lines)
    {
        string? Get(string name) => lines.FirstOrDefault(l => l.Name == name)?.Text;
        var name = lines.FirstOrDefault(l => l.Name == "N") is { } n ? ContentLine.SplitEscaped(n.Value, ';') : [];
        string? Part(IReadOnlyList<string> parts, int i) => i < parts.Count && parts[i].Length > 0 ? parts[i] : null;
        var org = lines.FirstOrDefault(l => l.Name == "ORG") is { } o ? ContentLine.SplitEscaped(o.Value, ';') : [];
        var fileAs = Get("X-FILE-AS");
        return new Contact
        {
            Uid = Get("UID"),
            FileAs = fileAs,
            LastName = Part(name, 0),
            FirstName = Part(name, 1),
            MiddleName = Part(name, 2),
            Title = Part(name, 3),
            Suffix = Part(name, 4),
            NickName = Get("NICKNAME"),
            CompanyName = Part(org, 0),
            Department = Part(org, 1),
            JobTitle = Get("TITLE"),
            OfficeLocation = Get("X-OFFICE"),
            ManagerName = Get("X-MANAGER"),
            AssistantName = Get("X-ASSISTANT"),
            Spouse = Get("X-SPOUSE"),
            Children = lines.Where(l => l.Name == "X-CHILD").Select(l => l.Text).ToList(),
            Emails = lines.Where(l => l.Name == "EMAIL").Select(l => new ContactEmail(l.Text, l.Parameter("TYPE") is { } type && !type.Equals("INTERNET", StringComparison.OrdinalIgnoreCase) ? type : null)).ToList(),
            Phones = lines.Where(l => l.Name == "TEL").Select(l => new ContactPhone(l.Text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? l.Text[4..] : l.Text, PhoneKindOf(l.Parameter("TYPE")))).ToList(),
            Addresses = lines.Where(l => l.Name == "ADR").Select(ReadAddress).ToList(),
            ImAddresses = lines.Where(l => l.Name is "IMPP" or "X-JABBER" or "X-SIP").Select(l => l.Text).ToList(),
            WebPage = Get("URL"),
            Notes = Get("NOTE"),
            Birthday = DateOf(Get("BDAY")),
            Anniversary = DateOf(Get("ANNIVERSARY") ?? Get("X-ANNIVERSARY")),
            Categories = lines.Where(l => l.Name == "CATEGORIES").SelectMany(l => ContentLine.SplitEscaped(l.Value, ',')).Where(c => c.Length > 0).ToList(),
            Photo = PhotoOf(lines.FirstOrDefault(l => l.Name == "PHOTO")),
            CustomerId = Get("X-CUSTOMER-ID"),
            GovernmentId = Get("X-GOVERNMENT-ID"),
            AccountName = Get("X-ACCOUNT"),
            Alias = Get("X-ALIAS"),
            YomiFirstName = Get("X-YOMI-FIRST"),
            YomiLastName = Get("X-YOMI-LAST"),
            YomiCompanyName = Get("X-YOMI-COMPANY"),
        };
    }

    private static PhoneKind PhoneKindOf(string? types)
    {
        var set = (types ?? "").ToUpperInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        return PhoneTypes.FirstOrDefault(p => p.Types.Split(',').ToHashSet().SetEquals(set)) is { Types: not null } exact
            ? exact.Kind
            : set.Contains("CELL") ? PhoneKind.Mobile
            : set.Contains("FAX") ? (set.Contains("HOME") ? PhoneKind.HomeFax : PhoneKind.BusinessFax)
            : set.Contains("WORK") ? PhoneKind.Business
            : set.Contains("HOME") ? PhoneKind.Home
            : set.Contains("PAGER") ? PhoneKind.Pager
            : PhoneKind.Other;
    }

    private static PostalAddress ReadAddress(ContentLine line)
    {
        var parts = ContentLine.SplitEscaped(line.Value, ';');
        string? Part(int i) => i < parts.Count && parts[i].Length > 0 ? parts[i] : null;
        var type = (line.Parameter("TYPE") ?? "").ToUpperInvariant();
        return new PostalAddress(type.Contains("HOME", StringComparison.Ordinal) ? AddressKind.Home : type.Contains("WORK", StringComparison.Ordinal) ? AddressKind.Business : AddressKind.Other)
        {
            Street = Part(2), City = Part(3), State = Part(4), PostalCode = Part(5), Country = Part(6),
        };
    }

    private static DateOnly? DateOf(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static byte[]? PhotoOf(ContentLine? line)
    {
        if (line is null)
        {
            return null;
        }

        var value = line.Value;
        var comma = value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? value.IndexOf(',', StringComparison.Ordinal) : -1;
        try
        {
            return Convert.FromBase64String(comma >= 0 ? value[(comma + 1)..] : value);
        }
        catch (FormatException)
        {
            return null; // a URL, not the picture
        }
    }
}
