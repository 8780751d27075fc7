namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// An item from a device that cannot be converted (a bad date, address or value): the item's
/// Sync status is 6, "error in client/server conversion" (MS-ASCMD 2.2.3.177.17).
/// </summary>
internal sealed class ConversionException(string message) : Exception(message);
