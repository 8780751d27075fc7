using System.Text;
using System.Xml.Linq;
using Passerelle.Autodiscover.Discovery;

namespace Passerelle.Autodiscover.Tests.Discovery;

/// <summary>How the discovery client reads answers: the MS-ASCMD 4.2.4 example, framework errors, and what is not an answer.</summary>
public sealed class MobileSyncExchangeTests
{
    [Fact]
    public void Read_SpecificationExample_GivesTheUrlAndTheUser()
    {
        const string answer = """
            <?xml version="1.0" encoding="utf-8"?>
            <Autodiscover xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
              <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
                <Culture>en:us</Culture>
                <User>
                  <DisplayName>Chris Gray</DisplayName>
                  <EMailAddress>chris@contoso.com</EMailAddress>
                </User>
                <Action>
                  <Settings>
                    <Server>
                      <Type>MobileSync</Type>
                      <Url>https://loandc.contoso.com/Microsoft-Server-ActiveSync</Url>
                      <Name>https://loandc.contoso.com/Microsoft-Server-ActiveSync</Name>
                    </Server>
                  </Settings>
                </Action>
              </Response>
            </Autodiscover>
            """;

        var read = MobileSyncExchange.Read(Encoding.UTF8.GetBytes(answer));

        Assert.Equal(new DiscoveryResponse.Settings(new Uri("https://loandc.contoso.com/Microsoft-Server-ActiveSync"), "Chris Gray", "chris@contoso.com"), read);
    }

    [Fact]
    public void Read_CertEnrollServerBeforeMobileSync_TakesTheMobileSyncOne()
    {
        var answer = Response("""<Action><Settings><Server><Type>CertEnroll</Type><Url>https://ca.example.test/enroll</Url><Name /><ServerData>Template</ServerData></Server><Server><Type>MobileSync</Type><Url>https://eas.example.test/Microsoft-Server-ActiveSync</Url></Server></Settings></Action>""");

        var read = Assert.IsType<DiscoveryResponse.Settings>(MobileSyncExchange.Read(answer));

        Assert.Equal("https://eas.example.test/Microsoft-Server-ActiveSync", read.Url.AbsoluteUri);
    }

    [Fact]
    public void Read_Redirect_GivesTheNewAddress()
    {
        Assert.Equal(new DiscoveryResponse.Redirect("chris@loandc.com"), MobileSyncExchange.Read(Response("<Action><Redirect>chris@loandc.com</Redirect></Action>")));
    }

    [Fact]
    public void Read_FrameworkError_GivesItsCodeAndMessage()
    {
        const string answer = """
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
              <Response><Error Time="16:56:32.6164027" Id="1054084152"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message><DebugData /></Error></Response>
            </Autodiscover>
            """;

        Assert.Equal(new DiscoveryResponse.Error("600", "Invalid Request"), MobileSyncExchange.Read(Encoding.UTF8.GetBytes(answer)));
    }

    [Theory]
    [InlineData("<html><body>It works!</body></html>", "not an Autodiscover answer (root html)")]
    [InlineData("It works!", "not XML")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"><Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006\"><Action><Settings /></Action></Response></Autodiscover>", "no MobileSync server in the answer")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"><Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\" /></Autodiscover>", "no mobilesync Response in the answer")]
    public void Read_NotAMobileSyncAnswer_SaysWhy(string answer, string reason)
    {
        var read = Assert.IsType<DiscoveryResponse.Unusable>(MobileSyncExchange.Read(Encoding.UTF8.GetBytes(answer)));

        Assert.StartsWith(reason, read.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_IsWhatPhonesSend()
    {
        var request = XDocument.Parse(Encoding.UTF8.GetString(MobileSyncExchange.Request("alice@example.test")));

        XNamespace ns = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
        Assert.Equal(ns + "Autodiscover", request.Root!.Name);
        Assert.Equal("alice@example.test", request.Root.Element(ns + "Request")!.Element(ns + "EMailAddress")!.Value);
        Assert.Equal("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006", request.Root.Element(ns + "Request")!.Element(ns + "AcceptableResponseSchema")!.Value);
    }

    private static byte[] Response(string inner) => Encoding.UTF8.GetBytes(
        $"""<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"><Culture>en:us</Culture>{inner}</Response></Autodiscover>""");
}
