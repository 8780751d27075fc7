using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>Posts Autodiscover requests and reads answers the way a client does, by namespace.</summary>
internal static class AutodiscoverXml
{
    public static readonly XNamespace Response = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    public static readonly XNamespace MobileSync = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
    public static readonly XNamespace Outlook = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    public const string MobileSyncRequest = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
    public const string OutlookRequest = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";

    public static string Request(string address, string acceptable = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006", string ns = MobileSyncRequest) =>
        $"""<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="{ns}"><Request><EMailAddress>{address}</EMailAddress><AcceptableResponseSchema>{acceptable}</AcceptableResponseSchema></Request></Autodiscover>""";

    public static string OutlookRequestFor(string address) =>
        Request(address, "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a", OutlookRequest);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string path = "/autodiscover/autodiscover.xml") =>
        PostAsync(client, Encoding.UTF8.GetBytes(body), path);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string path = "/autodiscover/autodiscover.xml")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/xml");
        return await client.PostAsync(path, content);
    }

    /// <summary>The answer's XML, after checking it is a 200 with an XML content type.</summary>
    public static async Task<XDocument> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Response + "Autodiscover", document.Root!.Name);
        return document;
    }

    /// <summary>Checks a framework-level error answer (responseschema/2006) and returns its DebugData.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, int code)
    {
        var document = await ReadAsync(response);
        var error = document.Root!.Element(Response + "Response")!.Element(Response + "Error")!;
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element(Response + "ErrorCode")!.Value);
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d+$", error.Attribute("Time")!.Value);
        Assert.Matches(@"^\d+$", error.Attribute("Id")!.Value);
        Assert.NotEmpty(error.Element(Response + "Message")!.Value);
        return error.Element(Response + "DebugData")!.Value;
    }
}
