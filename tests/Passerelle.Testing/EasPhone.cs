using System.Xml.Linq;

namespace Passerelle.Testing;

/// <summary>
/// A phone that keeps its state as a real one does: the folder hierarchy and its key, and a SyncKey per
/// collection, so that tests read as what a device does (set up, prime, page, change).
/// </summary>
public sealed class EasPhone : IDisposable
{
    public EasPhone(PasserelleServer server, string login, string password, string deviceId, string deviceType = "iPhone", string version = "16.1")
    {
        Client = new EasClient(server, login, password, deviceId, deviceType, version);
    }

    public EasClient Client { get; }

    /// <summary>The folders from FolderSync, by ServerId.</summary>
    public Dictionary<string, PhoneFolder> Folders { get; } = [];

    /// <summary>The SyncKey of each collection.</summary>
    public Dictionary<string, string> Keys { get; } = [];

    public string HierarchyKey { get; private set; } = "0";

    /// <summary>Provisions and syncs the folder hierarchy from scratch, as a new account does.</summary>
    public async Task SetupAsync()
    {
        await Client.ProvisionAsync();
        await FolderSyncAsync();
    }

    /// <summary>FolderSync from the phone's key; applies the changes to <see cref="Folders"/>.</summary>
    public async Task<EasAnswer> FolderSyncAsync()
    {
        var answer = await Client.FolderSyncAsync(HierarchyKey);
        if (answer.Value("Status") != "1")
        {
            return answer;
        }

        HierarchyKey = answer.Value("SyncKey")!;
        foreach (var change in answer.Xml.Descendants().Where(e => e.Name.LocalName is "Add" or "Update"))
        {
            var id = Child(change, "ServerId")!;
            Folders[id] = new PhoneFolder(id, Child(change, "ParentId")!, Child(change, "DisplayName")!, int.Parse(Child(change, "Type")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var delete in answer.Xml.Descendants().Where(e => e.Name.LocalName == "Delete"))
        {
            Folders.Remove(Child(delete, "ServerId")!);
        }

        return answer;
    }

    /// <summary>The ServerId of the folder of a type (2 Inbox, 3 Drafts, 4 Deleted Items, 5 Sent Items...).</summary>
    public string FolderOfType(int type) => Folders.Values.First(f => f.Type == type).ServerId;

    public string FolderNamed(string name) => Folders.Values.First(f => f.DisplayName == name).ServerId;

    /// <summary>One Sync of one collection at the phone's key (0 the first time); keeps the new key.</summary>
    public async Task<EasAnswer> SyncAsync(string collectionId, string? commands = null, string options = "", int? windowSize = 100, bool getChanges = true, string? syncKey = null)
    {
        var key = syncKey ?? Keys.GetValueOrDefault(collectionId, "0");
        var xml = $"""
            <Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:" xmlns:email="Email:" xmlns:tasks="Tasks:" xmlns:contacts="Contacts:" xmlns:contacts2="Contacts2:" xmlns:calendar="Calendar:" xmlns:notes="Notes:">
              <Collections><Collection>
                <SyncKey>{key}</SyncKey><CollectionId>{collectionId}</CollectionId>
                {(key == "0" ? "" : $"<DeletesAsMoves>1</DeletesAsMoves>{(getChanges ? "<GetChanges>1</GetChanges>" : "<GetChanges>0</GetChanges>")}")}
                {(windowSize is { } size ? $"<WindowSize>{size}</WindowSize>" : "")}
                {(options.Length > 0 ? $"<Options>{options}</Options>" : "")}
                {(commands is null ? "" : $"<Commands>{commands}</Commands>")}
              </Collection></Collections>
            </Sync>
            """;
        var answer = await Client.SendAsync("Sync", xml);
        if (answer.Value("SyncKey") is { } next && answer.Value("Status") is "1")
        {
            Keys[collectionId] = next;
        }

        return answer;
    }

    /// <summary>Primes a collection and pages through it until nothing more is available; every Add seen.</summary>
    public async Task<List<XElement>> SyncAllAsync(string collectionId, string options = "", int windowSize = 100)
    {
        if (!Keys.ContainsKey(collectionId))
        {
            await SyncAsync(collectionId, options: options, windowSize: windowSize);
        }

        var adds = new List<XElement>();
        for (var round = 0; round < 10_000; round++)
        {
            var answer = await SyncAsync(collectionId, options: options, windowSize: windowSize);
            adds.AddRange(Commands(answer, "Add"));
            if (!answer.All("MoreAvailable").Any())
            {
                return adds;
            }
        }

        throw new InvalidOperationException("the collection never ran out of MoreAvailable");
    }

    /// <summary>The server's commands of a kind (Add, Change, Delete, SoftDelete) in an answer.</summary>
    public static IEnumerable<XElement> Commands(EasAnswer answer, string kind) =>
        answer.Xml.Descendants().Where(e => e.Name.LocalName == "Commands").Elements().Where(e => e.Name.LocalName == kind);

    /// <summary>The text of a child element, by local name, anywhere below.</summary>
    public static string? Child(XElement element, string localName) =>
        element.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public void Dispose() => Client.Dispose();
}

/// <summary>A folder as the phone knows it.</summary>
public sealed record PhoneFolder(string ServerId, string ParentId, string DisplayName, int Type);
