using System.Globalization;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// A folder's change state as text: <c>storeId.folderId.modseq</c>. The store id (random, made with the
/// database) and the folder id make a state from another database or another folder (a restored backup, a
/// recreated folder) expire instead of silently giving wrong changes.
/// </summary>
internal static class ChangeToken
{
    public static ChangeState Format(string storeId, long folderId, long modseq) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{storeId}.{folderId}.{modseq}"));

    /// <summary>The sequence a state stands for, when it is this folder's.</summary>
    /// <exception cref="ChangeStateExpiredException">The state is not one of this folder's.</exception>
    public static long Parse(ChangeState state, string storeId, long folderId)
    {
        var parts = (state.Value ?? "").Split('.');
        if (parts is [var store, var folder, var sequence]
            && store == storeId
            && long.TryParse(folder, NumberStyles.None, CultureInfo.InvariantCulture, out var folderInState)
            && folderInState == folderId
            && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var modseq))
        {
            return modseq;
        }

        throw new ChangeStateExpiredException($"'{state.Value}' is not a state of this folder in this store; sync the folder again from scratch.");
    }
}
