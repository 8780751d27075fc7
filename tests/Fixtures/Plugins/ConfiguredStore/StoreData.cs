using Passerelle.Sdk.Groupware;

namespace Fixtures.ConfiguredStore;

/// <summary>
/// Everything the store holds, bound from <c>Plugins:ConfiguredStore</c> or built in code.
/// Code that edits it in place raises <see cref="Version"/> so that the directory reads it again.
/// </summary>
internal sealed class StoreData
{
    public int Version { get; set; }

    public List<AccountData> Accounts { get; set; } = [];

    public List<GroupData> Groups { get; set; } = [];

    public List<FolderData> Folders { get; set; } = [];
}

internal sealed class AccountData
{
    public string Address { get; set; } = "";

    public string Password { get; set; } = "";

    public string? DisplayName { get; set; }

    public List<string> Aliases { get; set; } = [];

    /// <summary>S/MIME certificates, base64 DER.</summary>
    public List<string> Certificates { get; set; } = [];
}

internal sealed class GroupData
{
    public string Address { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Members' account identifiers (primary addresses).</summary>
    public List<string> Members { get; set; } = [];

    public bool MembersInGal { get; set; }
}

/// <summary>
/// A folder and who sees it: its owner always; every account of the owner's domain when its role is
/// <see cref="GroupwareFolderRole.Public"/> or <see cref="GroupwareFolderRole.Directory"/>;
/// the accounts of <see cref="SharedWith"/>, read-only, as <see cref="GroupwareFolderRole.Shared"/>.
/// </summary>
internal sealed class FolderData
{
    public string Id { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentId { get; set; }

    public GroupwareKind Kind { get; set; } = GroupwareKind.Contacts;

    public GroupwareFolderRole Role { get; set; } = GroupwareFolderRole.Personal;

    public List<string> SharedWith { get; set; } = [];

    public List<ContactData> Contacts { get; set; } = [];
}

internal sealed class ContactData
{
    public string Id { get; set; } = "";

    public string? FileAs { get; set; }

    public string? FirstName { get; set; }

    public string? MiddleName { get; set; }

    public string? LastName { get; set; }

    public string? NickName { get; set; }

    public string? Alias { get; set; }

    public string? Company { get; set; }

    public string? JobTitle { get; set; }

    public string? Office { get; set; }

    public List<string> Emails { get; set; } = [];

    public string? BusinessPhone { get; set; }

    public string? HomePhone { get; set; }

    public string? MobilePhone { get; set; }

    /// <summary>The photo, base64.</summary>
    public string? Photo { get; set; }

    /// <summary>S/MIME certificates, base64 DER.</summary>
    public List<string> Certificates { get; set; } = [];

    public Contact ToContact(string folderId)
    {
        var phones = new List<ContactPhone>();
        AddPhone(phones, BusinessPhone, PhoneKind.Business);
        AddPhone(phones, HomePhone, PhoneKind.Home);
        AddPhone(phones, MobilePhone, PhoneKind.Mobile);
        return new Contact
        {
            Id = Id,
            FolderId = folderId,
            FileAs = FileAs,
            FirstName = FirstName,
            MiddleName = MiddleName,
            LastName = LastName,
            NickName = NickName,
            Alias = Alias,
            CompanyName = Company,
            JobTitle = JobTitle,
            OfficeLocation = Office,
            Emails = Emails.Select(address => new ContactEmail(address)).ToList(),
            Phones = phones,
            Photo = Photo is null ? null : Convert.FromBase64String(Photo),
            Certificates = Certificates.Select(Convert.FromBase64String).ToList(),
        };
    }

    private static void AddPhone(List<ContactPhone> phones, string? number, PhoneKind kind)
    {
        if (number is not null)
        {
            phones.Add(new ContactPhone(number, kind));
        }
    }
}
