using System.Collections.Frozen;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>
/// Where Debian's libwbxml 0.11.8 (<c>libwbxml2-utils</c>, language ACTIVESYNC) departs from
/// MS-ASWBXML. The tokens agree everywhere; the differences are names, one namespace, tags it
/// does not know, and tags whose content it always treats as binary (base64 in XML, OPAQUE in
/// WBXML). <see cref="LibwbxmlDialectTests"/> checks this table against the installed tool.
/// </summary>
internal static class LibwbxmlDialect
{
    /// <summary>libwbxml's namespace for page 16; MS-ASWBXML says <c>GAL:</c>.</summary>
    public const string GalNamespace = "Gal:";

    /// <summary>Tags libwbxml names differently (qualified names, other spellings, its typos).</summary>
    public static readonly FrozenDictionary<WbxmlTag, string> Renamed = new Dictionary<WbxmlTag, string>
    {
        [Contacts.AssistantPhoneNumber] = "AssistantTelephoneNumber",
        [Contacts.BusinessAddressCity] = "BusinessCity",
        [Contacts.BusinessAddressCountry] = "BusinessCountry",
        [Contacts.BusinessAddressPostalCode] = "BusinessPostalCode",
        [Contacts.BusinessAddressState] = "BusinessState",
        [Contacts.BusinessAddressStreet] = "BusinessStreet",
        [Contacts.HomeAddressCity] = "HomeCity",
        [Contacts.HomeAddressCountry] = "HomeCountry",
        [Contacts.HomeAddressPostalCode] = "HomePostalCode",
        [Contacts.HomeAddressState] = "HomeState",
        [Contacts.HomeAddressStreet] = "HomeStreet",
        [Contacts.OtherAddressCity] = "OtherCity",
        [Contacts.OtherAddressCountry] = "OtherCountry",
        [Contacts.OtherAddressPostalCode] = "OtherPostalCode",
        [Contacts.OtherAddressState] = "OtherState",
        [Contacts.OtherAddressStreet] = "OtherStreet",
        [Email.Att0id] = "AttOId",
        [Email.ReplyTo] = "Reply-To",
        [Email.DtStamp] = "DTStamp",
        [Email.Type] = "Recurrence_Type",
        [Email.Until] = "Recurrence_Until",
        [Email.Occurrences] = "Recurrence_Occurrences",
        [Email.Interval] = "Recurrence_Interval",
        [Email.DayOfWeek] = "Recurrence_DayOfWeek",
        [Email.DayOfMonth] = "Recurrence_DayOfMonth",
        [Email.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Email.MonthOfYear] = "Recurrence_MonthOfYear",
        [Email.Status] = "FlagStatus",
        [Calendar.Timezone] = "TimeZone",
        [Calendar.Email] = "Attendee_Email",
        [Calendar.Name] = "Attendee_Name",
        [Calendar.DtStamp] = "DTStamp",
        [Calendar.Deleted] = "Exception_Deleted",
        [Calendar.ExceptionStartTime] = "Exception_StartTime",
        [Calendar.OrganizerEmail] = "Organizer_Email",
        [Calendar.OrganizerName] = "Organizer_Name",
        [Calendar.Type] = "Recurrence_Type",
        [Calendar.Until] = "Recurrence_Until",
        [Calendar.Occurrences] = "Recurrence_Occurrences",
        [Calendar.Interval] = "Recurrence_Interval",
        [Calendar.DayOfWeek] = "Recurrence_DayOfWeek",
        [Calendar.DayOfMonth] = "Recurrence_DayOfMonth",
        [Calendar.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Calendar.MonthOfYear] = "Recurrence_MonthOfYear",
        [Calendar.AttendeeStatus] = "Attendee_Status",
        [Calendar.AttendeeType] = "Attendee_Type",
        [Tasks.UtcDueDate] = "UTCDueDate",
        [Tasks.Type] = "Recurrence_Type",
        [Tasks.Start] = "Recurrence_Start",
        [Tasks.Until] = "Recurrence_Until",
        [Tasks.Occurrences] = "Recurrence_Occurrences",
        [Tasks.Interval] = "Recurrence_Interval",
        [Tasks.DayOfMonth] = "Recurrence_DayOfMonth",
        [Tasks.DayOfWeek] = "Recurrence_DayOfWeek",
        [Tasks.WeekOfMonth] = "Recurrence_WeekOfMonth",
        [Tasks.MonthOfYear] = "Recurrence_MonthOfYear",
        [Tasks.Regenerate] = "Recurrence_Regenerate",
        [Tasks.DeadOccur] = "Recurrence_DeadOccur",
        [Tasks.UtcStartDate] = "UTCStartDate",
        [ValidateCert.CheckCrl] = "CheckCRL",
        [Provision.RequireStorageCardEncryption] = "DeviceEncryptionEnabled",
        [Settings.SMTPAddress] = "SmtpAddress",
        [Settings.RightsManagementInformation] = "ihsManagementInformation",
        [ComposeMail.Mime] = "MIME",
        [RightsManagement.Owner] = "RMOwner",
        [RightsManagement.RemoveRightsManagementProtection] = "RemoveRightsManagementDistribution",
    }.ToFrozenDictionary();

    /// <summary>Tags whose content libwbxml writes as OPAQUE from base64 and shows as base64, whatever the token.</summary>
    public static readonly FrozenSet<WbxmlTag> Binary = new[]
    {
        Email2.ConversationId, Email2.ConversationIndex, Search.ConversationId, ItemOperations.ConversationId,
        ComposeMail.Mime, ResolveRecipients.Data, Gal.Data, AirSyncBase.Content,
    }.ToFrozenSet();

    /// <summary>
    /// Tags libwbxml 0.11.8 does not know (it decodes them as <c>unknown</c> and cannot encode them):
    /// the whole Find page (16.1), the 16.1 additions ProposedStartTime, ProposedEndTime and
    /// AccountOnlyRemoteWipe, and legacy tokens found only in Z-Push and Horde.
    /// </summary>
    public static readonly FrozenSet<WbxmlTag> Missing = WbxmlCodePages.AllTags
        .Where(t => t.Page == Find.Number)
        .Concat(
        [
            MeetingResponse.ProposedStartTime, MeetingResponse.ProposedEndTime, Provision.AccountOnlyRemoteWipe,
            Ping.Version, ComposeMail.Type, Calendar.Attachment, Calendar.Attachments, Calendar.AttName,
            Calendar.AttSize, Calendar.AttOid, Calendar.AttMethod, Calendar.AttRemoved, Calendar.DisplayName,
        ])
        .ToFrozenSet();

    private static readonly FrozenDictionary<(byte Page, string Name), WbxmlTag> s_byLibwbxmlName =
        WbxmlCodePages.AllTags.Where(t => !Missing.Contains(t)).ToFrozenDictionary(t => (t.Page, NameOf(t)), t => t);

    public static bool IsMissing(WbxmlTag tag) => Missing.Contains(tag);

    public static bool IsBinary(WbxmlTag tag) => Binary.Contains(tag);

    /// <summary>libwbxml's name of a tag.</summary>
    public static string NameOf(WbxmlTag tag) => Renamed.TryGetValue(tag, out var name) ? name : tag.Name!;

    /// <summary>libwbxml's namespace of a page.</summary>
    public static string NamespaceOf(byte page) => page == Gal.Number ? GalNamespace : WbxmlCodePages.GetNamespace(page);

    /// <summary>The tag of an element libwbxml wrote.</summary>
    public static WbxmlTag TagOf(string ns, string name)
    {
        if (!WbxmlCodePages.TryGetPage(ns, out var page) || !s_byLibwbxmlName.TryGetValue((page, name), out var tag))
        {
            throw new InvalidOperationException($"libwbxml wrote {ns}{name}, which the dialect table does not know");
        }

        return tag;
    }
}
