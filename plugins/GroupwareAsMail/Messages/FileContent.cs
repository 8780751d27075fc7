using System.Globalization;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>A file as a message: its name, the file attached with its content type, its size, folder and date in the body.</summary>
internal static class FileContent
{
    public static ItemContent For(FileItem file, string folderPath)
    {
        var body = new BodyText()
            .Line("Name", file.Name)
            .Line("Size", file.Size.ToString("N0", CultureInfo.InvariantCulture) + " bytes")
            .Line("Folder", folderPath)
            .Line("Modified", BodyText.Date(file.LastModified));
        return new ItemContent(file.Name, body.Plain(), body.Html())
        {
            Attachments = file.Attachments.Take(1).Select(a => (a, file.Name.Length > 0 ? file.Name : a.Name, file.ContentType)).ToList(),
        };
    }
}
