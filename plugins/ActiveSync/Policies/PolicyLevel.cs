namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// Where a setting is customised: <c>default</c>, <c>server</c>, <c>domain:NAME</c>, <c>user:EMAIL</c> or
/// <c>device:ID</c>. Each level inherits from the one above it until customised.
/// </summary>
internal readonly record struct PolicyLevel(LevelKind Kind, string? Name)
{
    public static readonly PolicyLevel Default = new(LevelKind.Default, null);
    public static readonly PolicyLevel Server = new(LevelKind.Server, null);

    public static PolicyLevel Domain(string name) => new(LevelKind.Domain, name.Trim().ToLowerInvariant());

    public static PolicyLevel User(string accountId) => new(LevelKind.User, accountId.Trim().ToLowerInvariant());

    public static PolicyLevel Device(string deviceId) => new(LevelKind.Device, deviceId.Trim());

    /// <summary>Reads a level as the CLI and the API write it; false for anything else.</summary>
    public static bool TryParse(string? text, out PolicyLevel level)
    {
        level = default;
        var value = text?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (value, "") : (value[..colon], value[(colon + 1)..].Trim());
        switch (kind.ToLowerInvariant())
        {
            case "default" when colon < 0:
                level = Default;
                return true;
            case "server" when colon < 0:
                level = Server;
                return true;
            case "domain" when name.Length > 0 && !name.Contains('@', StringComparison.Ordinal):
                level = Domain(name);
                return true;
            case "user" when name.Contains('@', StringComparison.Ordinal):
                level = User(name);
                return true;
            case "device" when name.Length > 0:
                level = Device(name);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The levels a device's settings come from, top first.</summary>
    public static IReadOnlyList<PolicyLevel> ChainFor(string accountId, string deviceId) =>
        [Default, Server, Domain(DomainOf(accountId)), User(accountId), Device(deviceId)];

    /// <summary>This level and those above it, top first; a device level needs its account (<paramref name="accountId"/>).</summary>
    public IReadOnlyList<PolicyLevel> Chain(string? accountId = null) => Kind switch
    {
        LevelKind.Default => [Default],
        LevelKind.Server => [Default, Server],
        LevelKind.Domain => [Default, Server, this],
        LevelKind.User => [Default, Server, Domain(DomainOf(Name!)), this],
        _ => accountId is null ? [Default, Server, this] : ChainFor(accountId, Name!),
    };

    /// <summary>The level this one inherits from, or null for the default level.</summary>
    public PolicyLevel? Parent(string? accountId = null) => Kind == LevelKind.Default ? null : Chain(accountId)[^2];

    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();

    public override string ToString() => Kind switch
    {
        LevelKind.Default => "default",
        LevelKind.Server => "server",
        LevelKind.Domain => $"domain:{Name}",
        LevelKind.User => $"user:{Name}",
        _ => $"device:{Name}",
    };
}

/// <summary>The kinds of level, top first.</summary>
internal enum LevelKind
{
    Default,
    Server,
    Domain,
    User,
    Device,
}
