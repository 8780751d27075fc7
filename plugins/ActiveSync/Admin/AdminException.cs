namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// An administration request that cannot be done: bad input, something unknown, or a conflict. Nothing was
/// changed. The CLI prints the message as one line, the API answers 400, 404 or 409, the console shows it.
/// </summary>
internal sealed class AdminException(AdminError kind, string message) : Exception(message)
{
    public AdminError Kind { get; } = kind;

    public static AdminException Invalid(string message) => new(AdminError.Invalid, message);

    public static AdminException NotFound(string message) => new(AdminError.NotFound, message);

    public static AdminException Conflict(string message) => new(AdminError.Conflict, message);
}

/// <summary>What kind of refusal an <see cref="AdminException"/> is.</summary>
internal enum AdminError
{
    Invalid,
    NotFound,
    Conflict,
}
