using System.Xml;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>The mobilesync answer phones read (MS-ASCMD 2.2.1.1, example 4.2.4).</summary>
internal static class MobileSyncResponseWriter
{
    private const string Ns = AutodiscoverNamespaces.MobileSyncResponse;

    public static void Write(XmlWriter writer, AutodiscoverAnswer answer)
    {
        writer.WriteStartElement("Response", Ns);
        writer.WriteElementString("Culture", Ns, "en:us");
        switch (answer)
        {
            case SettingsAnswer settings:
                WriteUser(writer, settings.Account.DisplayName, settings.Address);
                writer.WriteStartElement("Action", Ns);
                writer.WriteStartElement("Settings", Ns);
                writer.WriteStartElement("Server", Ns);
                writer.WriteElementString("Type", Ns, "MobileSync");
                writer.WriteElementString("Url", Ns, settings.ActiveSyncUrl.AbsoluteUri);
                writer.WriteElementString("Name", Ns, settings.ActiveSyncUrl.AbsoluteUri);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
                break;
            case RedirectAnswer redirect:
                WriteUser(writer, redirect.Account.DisplayName, redirect.Address);
                writer.WriteStartElement("Action", Ns);
                writer.WriteElementString("Redirect", Ns, redirect.NewAddress);
                writer.WriteEndElement();
                break;
        }

        writer.WriteEndElement();
    }

    private static void WriteUser(XmlWriter writer, string displayName, string address)
    {
        writer.WriteStartElement("User", Ns);
        writer.WriteElementString("DisplayName", Ns, displayName);
        writer.WriteElementString("EMailAddress", Ns, address);
        writer.WriteEndElement();
    }
}
