using System.Globalization;
using System.Xml;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>The Outlook (POX) answer desktop clients read: the configured protocols, or a redirect (MS-OXDSCLI).</summary>
internal static class OutlookResponseWriter
{
    private const string Ns = AutodiscoverNamespaces.OutlookResponse;

    public static void Write(XmlWriter writer, AutodiscoverAnswer answer)
    {
        writer.WriteStartElement("Response", Ns);
        switch (answer)
        {
            case SettingsAnswer settings:
                WriteUser(writer, settings.Account.DisplayName, settings.Address);
                writer.WriteStartElement("Account", Ns);
                writer.WriteElementString("AccountType", Ns, "email");
                writer.WriteElementString("Action", Ns, "settings");
                foreach (var protocol in settings.Protocols)
                {
                    WriteProtocol(writer, protocol, settings.Address);
                }

                writer.WriteEndElement();
                break;
            case RedirectAnswer redirect:
                WriteUser(writer, redirect.Account.DisplayName, redirect.Address);
                writer.WriteStartElement("Account", Ns);
                writer.WriteElementString("AccountType", Ns, "email");
                // With a URL, Outlook posts the same request to the other server (redirectUrl); without, it starts
                // discovery again with the new address (redirectAddr). MS-OXDSCLI, Action (POX).
                if (redirect.Url is { } url)
                {
                    writer.WriteElementString("Action", Ns, "redirectUrl");
                    writer.WriteElementString("RedirectUrl", Ns, url.AbsoluteUri);
                }
                else
                {
                    writer.WriteElementString("Action", Ns, "redirectAddr");
                    writer.WriteElementString("RedirectAddr", Ns, redirect.NewAddress);
                }

                writer.WriteEndElement();
                break;
        }

        writer.WriteEndElement();
    }

    private static void WriteUser(XmlWriter writer, string displayName, string address)
    {
        writer.WriteStartElement("User", Ns);
        writer.WriteElementString("DisplayName", Ns, displayName);
        writer.WriteElementString("AutoDiscoverSMTPAddress", Ns, address);
        writer.WriteEndElement();
    }

    private static void WriteProtocol(XmlWriter writer, ProtocolOptions protocol, string address)
    {
        writer.WriteStartElement("Protocol", Ns);
        writer.WriteElementString("Type", Ns, protocol.Type);
        writer.WriteElementString("Server", Ns, protocol.Server);
        if (protocol.Port is { } port)
        {
            writer.WriteElementString("Port", Ns, port.ToString(CultureInfo.InvariantCulture));
        }

        if (protocol.AuthRequired)
        {
            writer.WriteElementString("LoginName", Ns, protocol.LoginFor(address));
        }

        writer.WriteElementString("DomainRequired", Ns, "off");
        writer.WriteElementString("SPA", Ns, "off");
        writer.WriteElementString("SSL", Ns, protocol.Encryption == ProtocolEncryption.None ? "off" : "on");
        writer.WriteElementString("Encryption", Ns, protocol.Encryption switch
        {
            ProtocolEncryption.None => "None",
            ProtocolEncryption.Ssl => "SSL",
            ProtocolEncryption.Tls => "TLS",
            _ => "Auto",
        });
        writer.WriteElementString("AuthRequired", Ns, protocol.AuthRequired ? "on" : "off");
        writer.WriteEndElement();
    }
}
