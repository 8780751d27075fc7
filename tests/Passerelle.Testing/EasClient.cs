using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.Testing;

/// <summary>
/// A phone, for tests: sends EAS commands over real HTTP as WBXML made from readable XML, keeps its
/// policy key like a phone does, and gives back the answer as XML.
/// </summary>
public sealed class EasClient : IDisposable
{
    private readonly HttpClient _http;

    public EasClient(PasserelleServer server, string login, string password, string deviceId, string deviceType = "iPhone", string version = "16.1", string? userAgent = null)
    {
        _http = server.CreateClient(login, password);
        DeviceId = deviceId;
        DeviceType = deviceType;
        Version = version;
        Login = login;
        if (userAgent is not null)
        {
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
    }

    public string DeviceId { get; }

    public string DeviceType { get; }

    public string Version { get; set; }

    public string Login { get; }

    /// <summary>The policy key sent in X-MS-PolicyKey, as the last Provision gave it.</summary>
    public uint? PolicyKey { get; set; }

    /// <summary>Sends the query in the base64 form of MS-ASHTTP instead of the plain one.</summary>
    public bool Base64Query { get; set; }

    public async Task<HttpResponseMessage> OptionsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync");
        return await _http.SendAsync(request);
    }

    /// <summary>Sends a command whose body is the WBXML of <paramref name="xml"/> (or none).</summary>
    public Task<EasAnswer> SendAsync(string command, string? xml, IReadOnlyDictionary<string, string>? parameters = null) =>
        SendBytesAsync(command, xml is null ? null : WbxmlXml.FromXml(xml), "application/vnd.ms-sync.wbxml", parameters);

    /// <summary>Sends a command with a raw body (MIME for 12.x SendMail, or malformed bytes).</summary>
    public async Task<EasAnswer> SendBytesAsync(string command, byte[]? body, string contentType, IReadOnlyDictionary<string, string>? parameters = null, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + Query(command, parameters));
        if (!Base64Query)
        {
            request.Headers.Add("MS-ASProtocolVersion", Version);
            if (PolicyKey is { } key)
            {
                request.Headers.Add("X-MS-PolicyKey", key.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(gzip ? Gzip(body) : body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (gzip)
            {
                request.Content.Headers.ContentEncoding.Add("gzip");
            }
        }

        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            bytes = Gunzip(bytes);
        }

        return new EasAnswer(response.StatusCode, response.Headers, bytes);
    }

    /// <summary>Provisions in two phases as phones do; returns the final policy key.</summary>
    public async Task<uint> ProvisionAsync(string? deviceInformation = null)
    {
        PolicyKey = 0;
        var first = await SendAsync("Provision", $"""
            <Provision xmlns="Provision:" xmlns:settings="Settings:">
              {deviceInformation ?? ""}
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies>
            </Provision>
            """);
        var temporary = first.Value("PolicyKey") ?? throw new InvalidOperationException($"Provision gave no policy key: {first}");
        PolicyKey = uint.Parse(temporary, CultureInfo.InvariantCulture);
        var second = await SendAsync("Provision", $"""
            <Provision xmlns="Provision:">
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>{temporary}</PolicyKey><Status>1</Status></Policy></Policies>
            </Provision>
            """);
        PolicyKey = uint.Parse(second.Value("PolicyKey") ?? throw new InvalidOperationException($"Provision phase two gave no key: {second}"), CultureInfo.InvariantCulture);
        return PolicyKey.Value;
    }

    /// <summary>FolderSync from a key; returns the answer.</summary>
    public Task<EasAnswer> FolderSyncAsync(string syncKey = "0") =>
        SendAsync("FolderSync", $"""<FolderSync xmlns="FolderHierarchy:"><SyncKey>{syncKey}</SyncKey></FolderSync>""");

    private string Query(string command, IReadOnlyDictionary<string, string>? parameters)
    {
        if (Base64Query)
        {
            return Uri.EscapeDataString(Convert.ToBase64String(Base64QueryBytes(command, parameters)));
        }

        var query = $"Cmd={command}&User={Uri.EscapeDataString(Login)}&DeviceId={Uri.EscapeDataString(DeviceId)}&DeviceType={Uri.EscapeDataString(DeviceType)}";
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            query += $"&{name}={Uri.EscapeDataString(value)}";
        }

        return query;
    }

    private byte[] Base64QueryBytes(string command, IReadOnlyDictionary<string, string>? parameters)
    {
        var codes = new Dictionary<string, byte>
        {
            ["Sync"] = 0, ["SendMail"] = 1, ["SmartForward"] = 2, ["SmartReply"] = 3, ["GetAttachment"] = 4, ["FolderSync"] = 9,
            ["FolderCreate"] = 10, ["FolderDelete"] = 11, ["FolderUpdate"] = 12, ["MoveItems"] = 13, ["GetItemEstimate"] = 14,
            ["MeetingResponse"] = 15, ["Search"] = 16, ["Settings"] = 17, ["Ping"] = 18, ["ItemOperations"] = 19, ["Provision"] = 20,
            ["ResolveRecipients"] = 21, ["ValidateCert"] = 22,
        };
        using var bytes = new MemoryStream();
        bytes.WriteByte((byte)(decimal.Parse(Version, CultureInfo.InvariantCulture) * 10));
        bytes.WriteByte(codes[command]);
        bytes.Write([0x09, 0x04]);
        var device = Encoding.ASCII.GetBytes(DeviceId);
        bytes.WriteByte((byte)device.Length);
        bytes.Write(device);
        if (PolicyKey is { } key)
        {
            bytes.WriteByte(4);
            bytes.Write(BitConverter.GetBytes(key));
        }
        else
        {
            bytes.WriteByte(0);
        }

        var type = Encoding.ASCII.GetBytes(DeviceType);
        bytes.WriteByte((byte)type.Length);
        bytes.Write(type);
        var tags = new Dictionary<string, byte> { ["AttachmentName"] = 0, ["CollectionId"] = 1, ["ItemId"] = 3, ["LongId"] = 4, ["Occurrence"] = 6, ["User"] = 8 };
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            if (name == "SaveInSent")
            {
                bytes.Write([7, 1, value == "T" ? (byte)1 : (byte)0]);
                continue;
            }

            var encoded = Encoding.UTF8.GetBytes(value);
            bytes.WriteByte(tags[name]);
            bytes.WriteByte((byte)encoded.Length);
            bytes.Write(encoded);
        }

        return bytes.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the server answered: the HTTP status and headers, and the body as XML.</summary>
public sealed class EasAnswer(HttpStatusCode status, HttpResponseHeaders headers, byte[] body)
{
    private XDocument? _xml;

    public HttpStatusCode Status { get; } = status;

    public HttpResponseHeaders Headers { get; } = headers;

    public byte[] Body { get; } = body;

    /// <summary>The body decoded as XML; empty when there is none.</summary>
    public XDocument Xml => _xml ??= Body.Length == 0 ? new XDocument() : XDocument.Parse(WbxmlXml.ToXml(Body));

    /// <summary>The text of the first element with this local name, anywhere in the answer.</summary>
    public string? Value(string localName) => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>Every element with this local name.</summary>
    public IEnumerable<XElement> All(string localName) => Xml.Descendants().Where(e => e.Name.LocalName == localName);

    public override string ToString() => $"{(int)Status} {(Body.Length == 0 ? "(no body)" : Xml.ToString())}";
}
