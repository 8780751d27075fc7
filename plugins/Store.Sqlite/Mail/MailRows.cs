using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>A mail folder row.</summary>
internal sealed record MailFolderRow(long Id, string AccountId, long? ParentId, string Name, MailFolderRole Role, long ModSeq, long PurgedModSeq)
{
    public const string Columns = "id, account_id, parent_id, name, role, modseq, purged_modseq";

    public static MailFolderRow Read(SqliteDataReader reader) => new(
        reader.GetInt64("id"),
        reader.GetString("account_id"),
        reader.GetNullableInt64("parent_id"),
        reader.GetString("name"),
        (MailFolderRole)reader.GetInt64("role"),
        reader.GetInt64("modseq"),
        reader.GetInt64("purged_modseq"));

    public MailFolder ToFolder() => new(RowId.Format(Id), RowId.Format(ParentId), Name, Role);
}

/// <summary>A message row, with the blob it points to and the sequence of its last change.</summary>
internal sealed record MessageRow(MailMessage Message, string Blob, long ModSeq, MessageMetadata Metadata)
{
    public const string Columns =
        "m.id, m.folder_id, m.blob, m.size, m.received_at, m.flags, m.keywords, m.follow_up, m.last_verb, "
        + "m.subject, m.from_list, m.to_list, m.cc_list, m.sent_at, m.message_id, m.modseq";

    public static MessageRow Read(SqliteDataReader reader)
    {
        var flags = (MessageFlags)reader.GetInt64("flags");
        var metadata = new MessageMetadata(
            flags,
            StoreJson.Deserialize<List<string>>(reader.GetNullableString("keywords")) ?? [],
            StoreJson.Deserialize<FollowUpFlag>(reader.GetNullableString("follow_up")),
            StoreJson.Deserialize<LastVerb>(reader.GetNullableString("last_verb")));
        var message = new MailMessage(
            RowId.Format(reader.GetInt64("id")),
            RowId.Format(reader.GetInt64("folder_id")),
            flags,
            UnixTime.FromMilliseconds(reader.GetInt64("received_at")),
            reader.GetInt64("size"))
        {
            Keywords = metadata.Keywords,
            FollowUp = MessageFlagRules.ReportedFollowUp(flags, metadata.FollowUp),
            LastVerb = MessageFlagRules.ReportedLastVerb(flags, metadata.LastVerb),
            Envelope = new MessageEnvelope(
                reader.GetNullableString("subject"),
                reader.GetNullableString("from_list"),
                reader.GetNullableString("to_list"),
                reader.GetNullableString("cc_list"),
                UnixTime.FromMilliseconds(reader.GetNullableInt64("sent_at")),
                reader.GetNullableString("message_id")),
        };
        return new MessageRow(message, reader.GetString("blob"), reader.GetInt64("modseq"), metadata);
    }
}
