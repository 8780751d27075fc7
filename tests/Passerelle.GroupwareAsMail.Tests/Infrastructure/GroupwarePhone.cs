using System.Xml.Linq;
using Passerelle.Testing;

namespace Passerelle.GroupwareAsMail.Tests.Infrastructure;

/// <summary>What a phone sees of the groupware-as-mail folders: the parent folder and its subfolders.</summary>
internal static class GroupwarePhone
{
    public const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:TruncationSize>200000</airsyncbase:TruncationSize></airsyncbase:BodyPreference>";
    public const string MimeBody = "<MIMESupport>2</MIMESupport><airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type></airsyncbase:BodyPreference>";

    /// <summary>The parent mail folder, or null when the phone has none.</summary>
    public static PhoneFolder? Parent(EasPhone phone, string name = "Groupware") =>
        phone.Folders.Values.FirstOrDefault(f => f.DisplayName == name && f.ParentId == "0" && f.Type == 12);

    /// <summary>The names of the mail subfolders under the parent, sorted.</summary>
    public static List<string> Subfolders(EasPhone phone) =>
        Parent(phone) is { } parent
            ? phone.Folders.Values.Where(f => f.ParentId == parent.ServerId).Select(f => f.DisplayName).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The ServerId of one subfolder of the parent.</summary>
    public static string Subfolder(EasPhone phone, string name) =>
        phone.Folders.Values.Single(f => f.ParentId == Parent(phone)!.ServerId && f.DisplayName == name).ServerId;

    public static string Filter(int filterType, string body = PlainBody) => $"<FilterType>{filterType}</FilterType>{body}";

    /// <summary>The responses to the phone's own commands (Change, Delete) in an answer.</summary>
    public static IEnumerable<XElement> Responses(EasAnswer answer, string kind) =>
        answer.Xml.Descendants().Where(e => e.Name.LocalName == "Responses").Elements().Where(e => e.Name.LocalName == kind);
}
