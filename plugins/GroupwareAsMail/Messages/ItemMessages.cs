using System.Text;
using MimeKit;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Importance = Passerelle.Sdk.Groupware.Importance;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>
/// Builds the MIME message of a groupware item with MimeKit: From is the folder's owner with the item's
/// categories as display name, Date its last modification (mail clients sort by it), attachments streamed
/// from the store into the message.
/// </summary>
internal sealed class ItemMessages(IEnumerable<IAccountDirectory> directories)
{
    // Past this much attachment data the message is spooled to a temporary file rather than kept in memory.
    private const long InMemoryLimit = 4 * 1024 * 1024;

    /// <summary>The message's metadata, without building it: what a folder listing returns.</summary>
    public static MailMessage Describe(GroupwareItem item, string folderId, bool read) =>
        new(item.Id, folderId, read ? MessageFlags.Seen : MessageFlags.None, item.LastModified, EstimatedSize(item)) { Keywords = item.Categories };

    public static ItemContent ContentOf(GroupwareItem item, string folderPath) => item switch
    {
        Note note => NoteContent.For(note),
        TaskItem task => TaskContent.For(task),
        FileItem file => FileContent.For(file, folderPath),
        _ => throw new InvalidOperationException($"a {item.Kind} item is not shown as mail"),
    };

    public async Task<Stream> OpenAsync(IGroupwareStore store, string accountId, GroupwareFolder folder, string folderPath, GroupwareItem item, CancellationToken cancellationToken)
    {
        var content = ContentOf(item, folderPath);
        var opened = new List<Stream>();
        try
        {
            using var message = new MimeMessage { Subject = content.Subject, Date = item.LastModified, Importance = ImportanceOf(content.Importance) };
            message.MessageId = $"{item.Kind.ToString().ToLowerInvariant()}.{folder.Id}.{item.Id}@groupware.invalid";
            message.From.Add(await FromAsync(folder.OwnerId, item.Categories, cancellationToken));
            message.To.AddRange(content.To.Select(a => new MailboxAddress(a.Name ?? "", a.Email)));
            var alternative = new MultipartAlternative { Text("plain", content.Text), Text("html", content.Html) };
            if (content.Attachments.Count == 0)
            {
                message.Body = alternative;
            }
            else
            {
                var mixed = new Multipart("mixed") { alternative };
                foreach (var (attachment, name, contentType) in content.Attachments)
                {
                    var stream = await store.OpenAttachmentAsync(accountId, folder.Id, item.Id, attachment.Id, cancellationToken);
                    opened.Add(stream);
                    mixed.Add(Part(attachment, name, contentType, stream));
                }

                message.Body = mixed;
            }

            var output = content.Attachments.Sum(a => a.Attachment.Size) > InMemoryLimit
                ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous)
                : (Stream)new MemoryStream();
            await message.WriteToAsync(output, cancellationToken);
            output.Position = 0;
            return output;
        }
        finally
        {
            foreach (var stream in opened)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task<MailboxAddress> FromAsync(string ownerId, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var owner = directories.LastOrDefault() is { } directory ? await directory.FindAccountAsync(ownerId, cancellationToken) : null;
        var name = categories.Count > 0 ? string.Join(", ", categories) : owner?.DisplayName ?? "";
        return new MailboxAddress(name, owner?.Address ?? ownerId);
    }

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart Part(ItemAttachment attachment, string name, string contentType, Stream content)
    {
        var type = ContentType.TryParse(contentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
        var part = new MimePart(type)
        {
            Content = new MimeContent(content),
            ContentDisposition = new ContentDisposition(attachment.ContentId is null ? ContentDisposition.Attachment : ContentDisposition.Inline),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = name,
        };
        if (attachment.ContentId is { } contentId)
        {
            part.ContentId = contentId;
        }

        return part;
    }

    private static MessageImportance ImportanceOf(Importance importance) => importance switch
    {
        Importance.High => MessageImportance.High,
        Importance.Low => MessageImportance.Low,
        _ => MessageImportance.Normal,
    };

    // Base64 grows attachments by a third; the bodies and headers add about a kilobyte.
    private static long EstimatedSize(GroupwareItem item) =>
        1024 + item.Attachments.Sum(a => a.Size * 4 / 3) + item switch
        {
            Note note => 2 * ((note.Body?.Length ?? 0) + (note.HtmlBody?.Length ?? 0)),
            TaskItem task => 2 * (task.Body?.Length ?? 0) + 512,
            _ => 512,
        };
}
