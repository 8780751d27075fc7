namespace Passerelle.Sdk.Changes;

/// <summary>
/// What changed in a folder since a state: applying <see cref="Changed"/> (add or replace by id) and
/// <see cref="Removed"/> to the folder as it was at that state gives the folder as it is at <see cref="State"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Changed">Items added or changed since the state, each in its current form, oldest change first.</param>
/// <param name="Removed">Identifiers of items deleted or moved out since the state.</param>
/// <param name="State">The state these changes lead to; ask again from it for the rest.</param>
/// <param name="MoreAvailable">Whether more changes follow <see cref="State"/>.</param>
public sealed record FolderChanges<T>(
    IReadOnlyList<T> Changed,
    IReadOnlyList<string> Removed,
    ChangeState State,
    bool MoreAvailable);
