using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>One groupware class both ways: a store item as ApplicationData, and a device's ApplicationData onto the item.</summary>
internal interface IGroupwareConverter
{
    EasClass Class { get; }

    GroupwareKind Kind { get; }

    /// <summary>Whether the item belongs on the device under the collection's FilterType.</summary>
    bool InFilter(GroupwareItem item, CollectionContext context);

    /// <summary>The date a listing orders by, newest first.</summary>
    DateTimeOffset? SortDate(GroupwareItem item);

    void Write(WbxmlWriter writer, GroupwareItem item, GroupwareWriteOptions options);

    /// <summary>The item a device's Add (no <paramref name="current"/>) or Change makes.</summary>
    /// <exception cref="ConversionException">The data cannot be read.</exception>
    GroupwareItem Read(IncomingItem incoming, GroupwareItem? current, ProtocolVersion version);
}

/// <summary>How an item is written for one device.</summary>
internal sealed record GroupwareWriteOptions(ProtocolVersion Version, IReadOnlyList<BodyPreference> BodyPreferences);
