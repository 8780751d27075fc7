using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>A note as a message: its title, its text (its own HTML when it has formatting), its files.</summary>
internal static class NoteContent
{
    public static ItemContent For(Note note)
    {
        var body = new BodyText().Text(note.Body);
        return new ItemContent(note.Subject ?? "", body.Plain(), note.HtmlBody is { Length: > 0 } html ? Fragment(html) : body.Html())
        {
            Attachments = note.Attachments.Select(a => (a, a.Name, a.ContentType)).ToList(),
        };
    }

    // A whole document is kept as it is; a fragment is wrapped.
    private static string Fragment(string html) =>
        html.Contains("<html", StringComparison.OrdinalIgnoreCase) ? html : new BodyText().Html(html);
}
