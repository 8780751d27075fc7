using System.Globalization;
using System.Text;
using System.Xml;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Writes an answer as XML in the schema the client asked for.</summary>
internal static class AutodiscoverResponseWriter
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, Async = false };

    // MS-ASCMD, Error element: its Id attribute identifies the server that answered.
    private static readonly uint ServerId = (uint)StableHash(Environment.MachineName);

    public static byte[] Write(AutodiscoverAnswer answer, ResponseSchema schema, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("Autodiscover", AutodiscoverNamespaces.Response);
            switch (answer)
            {
                case ErrorAnswer error:
                    WriteError(writer, error.Error, now);
                    break;
                case var _ when schema == ResponseSchema.Outlook:
                    OutlookResponseWriter.Write(writer, answer);
                    break;
                default:
                    MobileSyncResponseWriter.Write(writer, answer);
                    break;
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    // MS-ASCMD Error element: 600 and 601 are framework-level errors, in the responseschema/2006 namespace.
    private static void WriteError(XmlWriter writer, AutodiscoverError error, DateTimeOffset now)
    {
        writer.WriteStartElement("Response", AutodiscoverNamespaces.Response);
        writer.WriteStartElement("Error", AutodiscoverNamespaces.Response);
        writer.WriteAttributeString("Time", now.UtcDateTime.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("Id", ServerId.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("ErrorCode", AutodiscoverNamespaces.Response, error.Code.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("Message", AutodiscoverNamespaces.Response, error.Message);
        writer.WriteElementString("DebugData", AutodiscoverNamespaces.Response, error.DebugData);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
