using System.Xml.Linq;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

/// <summary>Two phones of one account, one at 16.1 and one at 14.1, and what the groupware tests read from answers.</summary>
internal sealed class GroupwarePhones : IDisposable
{
    private GroupwarePhones(EasPhone modern, EasPhone older)
    {
        Modern = modern;
        Older = older;
    }

    public EasPhone Modern { get; }

    public EasPhone Older { get; }

    public static async Task<GroupwarePhones> SetUpAsync(PasserelleServer server, string user = ActiveSyncHost.Alice)
    {
        var modern = new EasPhone(server, user, ActiveSyncHost.Password, "IPHONE161", "iPhone", "16.1");
        var older = new EasPhone(server, user, ActiveSyncHost.Password, "ANDROID141", "Android", "14.1");
        await modern.SetupAsync();
        await older.SetupAsync();
        return new GroupwarePhones(modern, older);
    }

    /// <summary>Adds an item from a phone; returns its ServerId.</summary>
    public static async Task<string> AddAsync(EasPhone phone, string collectionId, string applicationData, string clientId = "c1", string options = "")
    {
        var answer = await phone.SyncAsync(collectionId, $"<Add><ClientId>{clientId}</ClientId><ApplicationData>{applicationData}</ApplicationData></Add>", options);
        var add = answer.All("Add").FirstOrDefault(a => EasPhone.Child(a, "ClientId") == clientId) ?? throw new InvalidOperationException($"no answer to the Add: {answer}");
        Assert.Equal("1", EasPhone.Child(add, "Status"));
        return EasPhone.Child(add, "ServerId")!;
    }

    /// <summary>The one server command of a kind in the next Sync.</summary>
    public static async Task<XElement> NextAsync(EasPhone phone, string collectionId, string kind, string options = "")
    {
        var answer = await phone.SyncAsync(collectionId, options: options);
        return Assert.Single(EasPhone.Commands(answer, kind));
    }

    /// <summary>Every leaf of an ApplicationData as "Parent/Name=value", the way the tests compare items.</summary>
    public static List<string> Leaves(XElement applicationData) =>
        applicationData.Descendants()
            .Where(e => !e.HasElements)
            .Select(e => $"{(e.Parent == applicationData ? "" : e.Parent!.Name.LocalName + "/")}{e.Name.LocalName}={e.Value}")
            .ToList();

    public static XElement Data(XElement command) => command.Elements().First(e => e.Name.LocalName == "ApplicationData");

    /// <summary>The ApplicationData a phone echoes back in a Change: what it got, without what only servers send.</summary>
    public static string Echo(XElement applicationData, params string[] drop)
    {
        var copy = new XElement(applicationData);
        copy.Descendants().Where(e => e.Name.LocalName is "EstimatedDataSize" or "DtStamp" or "LastModifiedDate" || drop.Contains(e.Name.LocalName)).Remove();
        return string.Concat(copy.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)));
    }

    public void Dispose()
    {
        Modern.Dispose();
        Older.Dispose();
    }
}
