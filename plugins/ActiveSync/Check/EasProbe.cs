using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Check;

/// <summary>One EAS exchange of the check: the HTTP status, the headers, and the WBXML answer if any.</summary>
internal sealed record EasExchange(HttpStatusCode Status, HttpResponseHeaders Headers, WbxmlElement? Document);

/// <summary>Speaks to an ActiveSync endpoint as a 14.1 phone would, for <c>passerelle check</c>.</summary>
internal sealed class EasProbe(HttpClient http, Uri endpoint, string login, string password, string deviceId)
{
    public const string Version = "14.1";
    public const string DeviceType = "PasserelleCheck";

    public uint? PolicyKey { get; set; }

    public async Task<EasExchange> SendAsync(string command, string xml, CancellationToken cancellationToken)
    {
        var query = $"?Cmd={command}&User={Uri.EscapeDataString(login)}&DeviceId={Uri.EscapeDataString(deviceId)}&DeviceType={DeviceType}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, endpoint.AbsolutePath + query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login}:{password}")));
        request.Headers.Add("MS-ASProtocolVersion", Version);
        request.Headers.UserAgent.ParseAdd("Passerelle-Check/1.0");
        if (PolicyKey is { } key)
        {
            request.Headers.Add("X-MS-PolicyKey", key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        request.Content = new ByteArrayContent(WbxmlXml.FromXml(xml));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.ms-sync.wbxml");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        WbxmlElement? document = null;
        if (body.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/vnd.ms-sync.wbxml")
        {
            document = WbxmlDocument.Parse(body);
        }

        return new EasExchange(response.StatusCode, response.Headers, document);
    }
}
