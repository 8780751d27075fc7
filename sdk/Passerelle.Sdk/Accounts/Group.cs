namespace Passerelle.Sdk.Accounts;

/// <summary>A group of accounts with an address of its own.</summary>
/// <param name="Address">The group's SMTP address.</param>
/// <param name="DisplayName">The group's name.</param>
/// <param name="Members">The members' account identifiers.</param>
/// <param name="MembersInGal">Whether the group's members are listed in the global address list.</param>
public sealed record Group(string Address, string DisplayName, IReadOnlyList<string> Members, bool MembersInGal);
