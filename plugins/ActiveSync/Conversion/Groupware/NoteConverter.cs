using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;
using N = Passerelle.ActiveSync.Wbxml.CodePages.Notes;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>Notes (MS-ASNOTE 2.2.2, 14.0+): a subject, a body (text or HTML), categories and the IPM.StickyNote class.</summary>
internal sealed class NoteConverter : IGroupwareConverter
{
    public const string MessageClassKey = "eas:MessageClass";
    private const string StickyNote = "IPM.StickyNote";

    public EasClass Class => EasClass.Notes;

    public GroupwareKind Kind => GroupwareKind.Notes;

    public bool InFilter(GroupwareItem item, CollectionContext context) => true;

    public DateTimeOffset? SortDate(GroupwareItem item) => item.LastModified;

    public void Write(WbxmlWriter writer, GroupwareItem item, GroupwareWriteOptions options)
    {
        var note = (Note)item;
        GroupwareBody.Write(writer, note.Body, note.HtmlBody, options.BodyPreferences, options.Version);
        writer.WriteIf(N.Subject, note.Subject);
        writer.WriteElement(N.MessageClass, note.Extra.GetValueOrDefault(MessageClassKey) ?? StickyNote);
        writer.WriteElement(N.LastModifiedDate, EasDate.Format(note.LastModified));
        writer.WriteList(N.Categories, N.Category, note.Categories);
    }

    public GroupwareItem Read(IncomingItem incoming, GroupwareItem? current, ProtocolVersion version)
    {
        var old = current as Note ?? new Note();
        var body = GroupwareBody.Read(incoming.Data);
        var extra = old.Extra.ToDictionary();
        var messageClass = incoming.Text(N.MessageClass, old.Extra.GetValueOrDefault(MessageClassKey));
        CalendarConverter.SetExtra(extra, MessageClassKey, messageClass == StickyNote ? null : messageClass);
        var keepBody = body is null && incoming.KeepsAlways(Base.Body);
        return old with
        {
            Body = body is { } given ? given.Text : keepBody ? old.Body : null,
            HtmlBody = body is { } html ? html.Html : keepBody ? old.HtmlBody : null,
            Subject = incoming.Text(N.Subject, old.Subject),
            Categories = incoming.List(N.Categories, N.Category, old.Categories),
            Extra = extra,
        };
    }
}
