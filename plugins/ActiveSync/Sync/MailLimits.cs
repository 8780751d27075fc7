using System.Globalization;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// What the policy and the device's settings allow a device of mail, whatever its Options ask: how far
/// back, which body types, how much of a body, which attachments. The stricter of the two wins.
/// </summary>
internal sealed record MailLimits(bool TextOnly, bool NoAttachments, long? MaxAttachmentSize, long? MaxBodySize, int MailFilterLimit, int CalendarFilterLimit)
{
    public static MailLimits None { get; } = new(false, false, null, null, 0, 0);

    public static MailLimits From(EasPolicy policy, DeviceSyncSettings settings) => new(
        TextOnly: settings.TextOnly || policy["AllowHTMLEmail"] == "0",
        NoAttachments: settings.NoAttachments || policy["AttachmentsEnabled"] == "0",
        MaxAttachmentSize: Smaller(settings.MaxAttachmentSize, Number(policy["MaxAttachmentSize"])),
        // MS-ASPROV 2.2.2.38: MaxEmailBodyTruncationSize is in kilobytes, -1 for no limit.
        MaxBodySize: Smaller(settings.RetrievalSize >= 0 ? settings.RetrievalSize : null, Number(policy["MaxEmailBodyTruncationSize"]) is { } kb and >= 0 ? kb * 1024 : null),
        MailFilterLimit: Stricter(settings.MailSyncPeriod, (int)(Number(policy["MaxEmailAgeFilter"]) ?? 0)),
        CalendarFilterLimit: Stricter(settings.CalendarSyncPeriod, (int)(Number(policy["MaxCalendarAgeFilter"]) ?? 0)));

    /// <summary>The FilterType a collection syncs with: the device's, unless it reaches further back than allowed.</summary>
    public int FilterTypeFor(EasClass itemClass, int requested) => itemClass switch
    {
        EasClass.Email => DeviceSyncSettings.ClampFilterType(requested, MailFilterLimit),
        EasClass.Calendar => DeviceSyncSettings.ClampFilterType(requested, CalendarFilterLimit),
        _ => requested,
    };

    // FilterType limits: 0 is no limit; otherwise the smaller number is the shorter window.
    private static int Stricter(int first, int second) => first == 0 ? second : second == 0 ? first : Math.Min(first, second);

    private static long? Smaller(long? first, long? second) => first is null ? second : second is null ? first : Math.Min(first.Value, second.Value);

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
