using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Reads an Autodiscover request in the mobilesync or Outlook request schema (MS-ASCMD 2.2.1.1, MS-OXDSCLI).</summary>
internal static class AutodiscoverRequestReader
{
    public static bool TryRead(
        ReadOnlyMemory<byte> body,
        [NotNullWhen(true)] out AutodiscoverRequest? request,
        [NotNullWhen(false)] out AutodiscoverError? error)
    {
        request = null;
        if (body.IsEmpty)
        {
            error = AutodiscoverError.Invalid("The request has no body.");
            return false;
        }

        XDocument document;
        try
        {
            document = SafeXml.Parse(body);
        }
        catch (XmlException exception)
        {
            error = AutodiscoverError.Invalid(exception.Message.Contains("DTD", StringComparison.Ordinal)
                ? "A DTD is not accepted in a request."
                : "The request is not well-formed XML.");
            return false;
        }

        error = ReadDocument(document, out request);
        return error is null;
    }

    private static AutodiscoverError? ReadDocument(XDocument document, out AutodiscoverRequest? request)
    {
        request = null;
        var root = document.Root!;
        XNamespace ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "Autodiscover"
            || (ns != AutodiscoverNamespaces.MobileSyncRequest && ns != AutodiscoverNamespaces.OutlookRequest))
        {
            return AutodiscoverError.Invalid($"The root element {root.Name} is not an Autodiscover request.");
        }

        var requests = root.Elements(ns + "Request").ToList();
        if (requests.Count != 1)
        {
            return AutodiscoverError.Invalid($"The request has {requests.Count} Request elements; it must have one.");
        }

        var address = requests[0].Element(ns + "EMailAddress")?.Value.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return AutodiscoverError.Invalid("The request has no EMailAddress.");
        }

        var acceptable = requests[0].Element(ns + "AcceptableResponseSchema")?.Value.Trim();
        ResponseSchema? schema = acceptable switch
        {
            AutodiscoverNamespaces.MobileSyncResponse => ResponseSchema.MobileSync,
            AutodiscoverNamespaces.OutlookResponse => ResponseSchema.Outlook,
            _ => null,
        };
        if (string.IsNullOrEmpty(acceptable))
        {
            return AutodiscoverError.Invalid("The request has no AcceptableResponseSchema.");
        }

        // The answer follows AcceptableResponseSchema whichever request namespace carries it: the new Outlook
        // for Windows asks for the mobilesync schema (Mailu#3961).
        if (schema is null)
        {
            return AutodiscoverError.NoProvider($"No provider answers in the schema {acceptable}.");
        }

        request = new AutodiscoverRequest(schema.Value, address);
        return null;
    }
}
