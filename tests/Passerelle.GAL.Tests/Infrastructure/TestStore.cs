using Fixtures.ConfiguredStore;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GAL.Tests.Infrastructure;

/// <summary>Builds the test store's data.</summary>
internal static class TestStore
{
    public const string Password = "correct horse battery staple";

    public static StoreData Data(params AccountData[] accounts) => new() { Accounts = [.. accounts] };

    public static AccountData Account(string address, string? displayName = null, params string[] aliases) =>
        new() { Address = address, Password = Password, DisplayName = displayName, Aliases = [.. aliases] };

    public static GroupData Group(string address, string displayName, bool membersInGal, params string[] members) =>
        new() { Address = address, DisplayName = displayName, MembersInGal = membersInGal, Members = [.. members] };

    public static FolderData Book(string id, string owner, string name, params ContactData[] contacts) =>
        new() { Id = id, Owner = owner, Name = name, Contacts = [.. contacts] };

    public static FolderData Book(string id, string owner, string name, GroupwareFolderRole role, params ContactData[] contacts) =>
        new() { Id = id, Owner = owner, Name = name, Role = role, Contacts = [.. contacts] };

    public static ContactData Contact(string id, string? firstName, string? lastName, params string[] emails) =>
        new() { Id = id, FirstName = firstName, LastName = lastName, Emails = [.. emails] };

    public static StoreData With(this StoreData data, params FolderData[] folders)
    {
        data.Folders.AddRange(folders);
        return data;
    }

    public static StoreData With(this StoreData data, params GroupData[] groups)
    {
        data.Groups.AddRange(groups);
        return data;
    }

    /// <summary>A photo of the given size (its bytes do not matter to the GAL).</summary>
    public static string Photo(int size) => Convert.ToBase64String(Enumerable.Range(0, size).Select(i => (byte)i).ToArray());
}
