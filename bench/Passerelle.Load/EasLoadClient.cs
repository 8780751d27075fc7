using System.Net.Http.Headers;
using System.Text;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.Load;

/// <summary>A lean phone for load: one device of one user, sending XML as WBXML and reading answers as WBXML trees.</summary>
internal sealed class EasLoadClient(HttpClient http, string user, string password, string deviceId)
{
    private readonly string _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public string DeviceId => deviceId;

    public string User => user;

    public async Task<WbxmlElement?> SendAsync(string command, string? xml, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Microsoft-Server-ActiveSync?Cmd={command}&User={Uri.EscapeDataString(user)}&DeviceId={deviceId}&DeviceType=LoadPhone");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.Add("MS-ASProtocolVersion", "16.1");
        if (xml is not null)
        {
            request.Content = new ByteArrayContent(WbxmlXml.FromXml(xml));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.ms-sync.wbxml");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{command} for {user}/{deviceId}: HTTP {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.Length == 0 ? null : WbxmlDocument.Parse(body);
    }

    /// <summary>FolderSync from scratch; returns the Inbox's ServerId.</summary>
    public async Task<string> InboxAsync()
    {
        var answer = await SendAsync("FolderSync", """<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>""");
        var adds = answer!.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Add);
        return adds.First(add => add.Value(FolderHierarchy.Type) == "2").Value(FolderHierarchy.ServerId)!;
    }

    public async Task<(string SyncKey, int Adds, bool More)> SyncAsync(string collectionId, string syncKey, int windowSize)
    {
        var (key, subjects, more) = await SyncSubjectsAsync(collectionId, syncKey, windowSize);
        return (key, subjects.Count, more);
    }

    /// <summary>One Sync; returns the new key, the Subjects of the messages added, and whether more are available.</summary>
    public async Task<(string SyncKey, IReadOnlyList<string> Subjects, bool More)> SyncSubjectsAsync(string collectionId, string syncKey, int windowSize)
    {
        var answer = await SendAsync("Sync", $"""
            <Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:"><Collections><Collection>
              <SyncKey>{syncKey}</SyncKey><CollectionId>{collectionId}</CollectionId>
              {(syncKey == "0" ? "" : "<GetChanges>1</GetChanges>")}<WindowSize>{windowSize}</WindowSize>
              <Options><airsyncbase:BodyPreference><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:TruncationSize>32768</airsyncbase:TruncationSize></airsyncbase:BodyPreference></Options>
            </Collection></Collections></Sync>
            """);
        if (answer is null)
        {
            return (syncKey, [], false); // nothing changed
        }

        var collection = answer.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        var subjects = collection.Element(AirSync.Commands)?.Elements(AirSync.Add)
            .Select(add => add.Element(AirSync.ApplicationData)?.Value(Email.Subject) ?? "")
            .ToList() ?? [];
        return (collection.Value(AirSync.SyncKey) ?? syncKey, subjects, collection.Element(AirSync.MoreAvailable) is not null);
    }

    /// <summary>Syncs a collection until nothing more is available; returns the final key.</summary>
    public async Task<string> SyncAllAsync(string collectionId, int windowSize, Action<int>? onAdds = null)
    {
        var (key, _, _) = await SyncAsync(collectionId, "0", windowSize);
        while (true)
        {
            var (next, adds, more) = await SyncAsync(collectionId, key, windowSize);
            onAdds?.Invoke(adds);
            key = next;
            if (!more)
            {
                return key;
            }
        }
    }

    /// <summary>Sends a message with SendMail (ComposeMail, 16.1).</summary>
    public Task SendMailAsync(string clientId, string to, string subject) =>
        SendAsync("SendMail", $"""
            <SendMail xmlns="ComposeMail:"><ClientId>{clientId}</ClientId><Mime opaque="base64">{Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"From: <{user}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPush test.\r\n"))}</Mime></SendMail>
            """);

    /// <summary>A Ping on one folder; true when it answered with changes (Status 2).</summary>
    public async Task<bool> PingAsync(string folderId, int heartbeat, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("Ping", $"""<Ping xmlns="Ping:"><HeartbeatInterval>{heartbeat}</HeartbeatInterval><Folders><Folder><Id>{folderId}</Id><Class>Email</Class></Folder></Folders></Ping>""", cancellationToken);
        return answer?.Value(Ping.Status) == "2";
    }
}
