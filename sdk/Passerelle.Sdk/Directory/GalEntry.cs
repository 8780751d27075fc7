namespace Passerelle.Sdk.Directory;

/// <summary>An entry of the global address list: a person, a group or a contact put in the list.</summary>
/// <param name="DisplayName">The name shown.</param>
/// <param name="EmailAddress">The address.</param>
public sealed record GalEntry(string DisplayName, string EmailAddress)
{
    /// <summary>The given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The family name.</summary>
    public string? LastName { get; init; }

    /// <summary>The alias (the address's local part for accounts).</summary>
    public string? Alias { get; init; }

    /// <summary>The work telephone.</summary>
    public string? Phone { get; init; }

    /// <summary>The home telephone.</summary>
    public string? HomePhone { get; init; }

    /// <summary>The mobile telephone.</summary>
    public string? MobilePhone { get; init; }

    /// <summary>The office.</summary>
    public string? Office { get; init; }

    /// <summary>The job title.</summary>
    public string? Title { get; init; }

    /// <summary>The company.</summary>
    public string? Company { get; init; }

    /// <summary>The photo, when asked for and known.</summary>
    public GalPicture? Picture { get; init; }

    /// <summary>S/MIME certificates (DER).</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];
}

/// <summary>A photo in a search result, or why there is none (the EAS Picture statuses).</summary>
/// <param name="Status">Whether the photo is included.</param>
/// <param name="Data">The photo when <see cref="Status"/> is <see cref="GalPictureStatus.Success"/>.</param>
public sealed record GalPicture(GalPictureStatus Status, byte[]? Data);

/// <summary>The statuses of a photo in a search result.</summary>
public enum GalPictureStatus
{
    /// <summary>The photo is included.</summary>
    Success = 1,

    /// <summary>The entry has no photo.</summary>
    NoPhoto = 173,

    /// <summary>The photo is larger than asked for.</summary>
    TooLarge = 174,

    /// <summary>More photos than asked for; this one is left out.</summary>
    MaxPicturesExceeded = 175,
}
