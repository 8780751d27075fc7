using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>A contact of an address book.</summary>
public sealed record Contact : GroupwareItem
{
    /// <inheritdoc />
    [JsonIgnore]
    public override GroupwareKind Kind => GroupwareKind.Contacts;

    /// <summary>How the contact is filed and shown ("Last, First").</summary>
    public string? FileAs { get; init; }

    /// <summary>The name prefix (Mr., Dr.).</summary>
    public string? Title { get; init; }

    /// <summary>The given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The middle name.</summary>
    public string? MiddleName { get; init; }

    /// <summary>The family name.</summary>
    public string? LastName { get; init; }

    /// <summary>The name suffix (Jr.).</summary>
    public string? Suffix { get; init; }

    /// <summary>The nickname.</summary>
    public string? NickName { get; init; }

    /// <summary>The phonetic given name.</summary>
    public string? YomiFirstName { get; init; }

    /// <summary>The phonetic family name.</summary>
    public string? YomiLastName { get; init; }

    /// <summary>The company.</summary>
    public string? CompanyName { get; init; }

    /// <summary>The phonetic company name.</summary>
    public string? YomiCompanyName { get; init; }

    /// <summary>The department.</summary>
    public string? Department { get; init; }

    /// <summary>The job title.</summary>
    public string? JobTitle { get; init; }

    /// <summary>The office location.</summary>
    public string? OfficeLocation { get; init; }

    /// <summary>The manager's name.</summary>
    public string? ManagerName { get; init; }

    /// <summary>The assistant's name.</summary>
    public string? AssistantName { get; init; }

    /// <summary>The spouse's name.</summary>
    public string? Spouse { get; init; }

    /// <summary>The children's names.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>The birthday.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>The wedding anniversary.</summary>
    public DateOnly? Anniversary { get; init; }

    /// <summary>E-mail addresses, the preferred one first.</summary>
    public IReadOnlyList<ContactEmail> Emails { get; init; } = [];

    /// <summary>Telephone numbers.</summary>
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];

    /// <summary>Postal addresses.</summary>
    public IReadOnlyList<PostalAddress> Addresses { get; init; } = [];

    /// <summary>Instant-messaging addresses.</summary>
    public IReadOnlyList<string> ImAddresses { get; init; } = [];

    /// <summary>The web page.</summary>
    public string? WebPage { get; init; }

    /// <summary>Free text about the contact.</summary>
    public string? Notes { get; init; }

    /// <summary>The photo (JPEG or PNG).</summary>
    public byte[]? Photo { get; init; }

    /// <summary>The account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>The customer identifier.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The government identifier.</summary>
    public string? GovernmentId { get; init; }

    /// <summary>The contact's alias.</summary>
    public string? Alias { get; init; }

    /// <summary>S/MIME certificates (DER), for encrypting mail to the contact.</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];

    /// <summary>The name to show: <see cref="FileAs"/>, else the full name, else the company or first address.</summary>
    public string DisplayName =>
        FileAs
        ?? string.Join(' ', new[] { FirstName, MiddleName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) switch
        {
            "" => CompanyName ?? Emails.FirstOrDefault()?.Address ?? "",
            var name => name,
        };
}

/// <summary>An e-mail address of a contact.</summary>
/// <param name="Address">The address.</param>
/// <param name="Label">How it is labelled (home, work), if at all.</param>
public sealed record ContactEmail(string Address, string? Label = null);

/// <summary>A telephone number of a contact.</summary>
/// <param name="Number">The number as written.</param>
/// <param name="Kind">What number it is.</param>
public sealed record ContactPhone(string Number, PhoneKind Kind);

/// <summary>The telephone numbers an address book distinguishes (the EAS contact fields).</summary>
public enum PhoneKind
{
    /// <summary>Mobile.</summary>
    Mobile,

    /// <summary>Home.</summary>
    Home,

    /// <summary>Second home number.</summary>
    Home2,

    /// <summary>Work.</summary>
    Business,

    /// <summary>Second work number.</summary>
    Business2,

    /// <summary>Work fax.</summary>
    BusinessFax,

    /// <summary>Home fax.</summary>
    HomeFax,

    /// <summary>Car.</summary>
    Car,

    /// <summary>Pager.</summary>
    Pager,

    /// <summary>Radio.</summary>
    Radio,

    /// <summary>The assistant's number.</summary>
    Assistant,

    /// <summary>The company's main number.</summary>
    CompanyMain,

    /// <summary>MMS.</summary>
    Mms,

    /// <summary>Any other number.</summary>
    Other,
}

/// <summary>A postal address.</summary>
/// <param name="Kind">Home, work or other.</param>
public sealed record PostalAddress(AddressKind Kind)
{
    /// <summary>Street and number, possibly several lines.</summary>
    public string? Street { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State or region.</summary>
    public string? State { get; init; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Country.</summary>
    public string? Country { get; init; }
}

/// <summary>The kinds of postal address.</summary>
public enum AddressKind
{
    /// <summary>Home.</summary>
    Home,

    /// <summary>Work.</summary>
    Business,

    /// <summary>Other.</summary>
    Other,
}
