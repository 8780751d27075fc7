using System.Text;
using System.Xml;
using System.Xml.Linq;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>The client's side of the mobilesync schema: the request a phone sends and how it reads the answer.</summary>
internal static class MobileSyncExchange
{
    public static byte[] Request(string emailAddress)
    {
        XNamespace ns = AutodiscoverNamespaces.MobileSyncRequest;
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "Autodiscover",
                new XElement(ns + "Request",
                    new XElement(ns + "EMailAddress", emailAddress),
                    new XElement(ns + "AcceptableResponseSchema", AutodiscoverNamespaces.MobileSyncResponse))));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    public static DiscoveryResponse Read(ReadOnlyMemory<byte> body)
    {
        XDocument document;
        try
        {
            document = SafeXml.Parse(body);
        }
        catch (XmlException exception)
        {
            return new DiscoveryResponse.Unusable($"not XML ({exception.Message})");
        }

        XNamespace root = AutodiscoverNamespaces.Response;
        XNamespace mobile = AutodiscoverNamespaces.MobileSyncResponse;
        if (document.Root!.Name != root + "Autodiscover")
        {
            return new DiscoveryResponse.Unusable($"not an Autodiscover answer (root {document.Root.Name.LocalName})");
        }

        // Framework errors (600, 601) come in the responseschema/2006 namespace, the rest in mobilesync's.
        var response = document.Root.Element(mobile + "Response") ?? document.Root.Element(root + "Response");
        if (response is null)
        {
            return new DiscoveryResponse.Unusable("no mobilesync Response in the answer");
        }

        XNamespace ns = response.Name.Namespace;
        var action = response.Element(ns + "Action");
        var error = response.Element(ns + "Error") ?? action?.Element(ns + "Error");
        if (error is not null)
        {
            return new DiscoveryResponse.Error(
                error.Element(ns + "ErrorCode")?.Value ?? error.Element(ns + "Status")?.Value ?? "?",
                error.Element(ns + "Message")?.Value ?? "");
        }

        if (action?.Element(ns + "Redirect")?.Value is { Length: > 0 } redirect)
        {
            return new DiscoveryResponse.Redirect(redirect.Trim());
        }

        var server = action?.Element(ns + "Settings")?.Elements(ns + "Server")
            .FirstOrDefault(s => s.Element(ns + "Type")?.Value == "MobileSync");
        if (server?.Element(ns + "Url")?.Value is not { } url || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var endpoint))
        {
            return new DiscoveryResponse.Unusable("no MobileSync server in the answer");
        }

        var user = response.Element(ns + "User");
        return new DiscoveryResponse.Settings(endpoint, user?.Element(ns + "DisplayName")?.Value, user?.Element(ns + "EMailAddress")?.Value);
    }
}
