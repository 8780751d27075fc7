using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class ContactsSyncTests
{
    private static readonly string Picture = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5]);

    // Every Contacts and Contacts2 field a phone can send (MS-ASCNTC 2.2.2).
    private static readonly string FullContact = $"""
        <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Met at the conference.</airsyncbase:Data></airsyncbase:Body>
        <contacts:AssistantName>Dave Assistant</contacts:AssistantName>
        <contacts:AssistantPhoneNumber>+33 1 00 00 00 01</contacts:AssistantPhoneNumber>
        <contacts:Business2PhoneNumber>+33 1 00 00 00 02</contacts:Business2PhoneNumber>
        <contacts:BusinessAddressCity>Lyon</contacts:BusinessAddressCity>
        <contacts:BusinessAddressCountry>France</contacts:BusinessAddressCountry>
        <contacts:BusinessAddressPostalCode>69001</contacts:BusinessAddressPostalCode>
        <contacts:BusinessAddressState>Rhône</contacts:BusinessAddressState>
        <contacts:BusinessAddressStreet>1 rue de la République</contacts:BusinessAddressStreet>
        <contacts:BusinessFaxNumber>+33 1 00 00 00 03</contacts:BusinessFaxNumber>
        <contacts:BusinessPhoneNumber>+33 1 00 00 00 04</contacts:BusinessPhoneNumber>
        <contacts:CarPhoneNumber>+33 6 00 00 00 05</contacts:CarPhoneNumber>
        <contacts:Categories><contacts:Category>Friends</contacts:Category><contacts:Category>Work</contacts:Category></contacts:Categories>
        <contacts:Children><contacts:Child>Emma</contacts:Child><contacts:Child>Louis</contacts:Child></contacts:Children>
        <contacts:CompanyName>Example SA</contacts:CompanyName>
        <contacts:Department>Research</contacts:Department>
        <contacts:Email1Address>"Carol Example" &lt;carol@example.org&gt;</contacts:Email1Address>
        <contacts:Email2Address>carol.home@example.net</contacts:Email2Address>
        <contacts:Email3Address>carol3@example.com</contacts:Email3Address>
        <contacts:FileAs>Example, Carol</contacts:FileAs>
        <contacts:FirstName>Carol</contacts:FirstName>
        <contacts:Home2PhoneNumber>+33 4 00 00 00 06</contacts:Home2PhoneNumber>
        <contacts:HomeAddressCity>Annecy</contacts:HomeAddressCity>
        <contacts:HomeAddressCountry>France</contacts:HomeAddressCountry>
        <contacts:HomeAddressPostalCode>74000</contacts:HomeAddressPostalCode>
        <contacts:HomeAddressState>Haute-Savoie</contacts:HomeAddressState>
        <contacts:HomeAddressStreet>2 quai du Lac</contacts:HomeAddressStreet>
        <contacts:HomeFaxNumber>+33 4 00 00 00 07</contacts:HomeFaxNumber>
        <contacts:HomePhoneNumber>+33 4 00 00 00 08</contacts:HomePhoneNumber>
        <contacts:JobTitle>Chief scientist</contacts:JobTitle>
        <contacts:LastName>Example</contacts:LastName>
        <contacts:MiddleName>Ann</contacts:MiddleName>
        <contacts:MobilePhoneNumber>+33 6 00 00 00 09</contacts:MobilePhoneNumber>
        <contacts:OfficeLocation>Building B</contacts:OfficeLocation>
        <contacts:OtherAddressCity>Nice</contacts:OtherAddressCity>
        <contacts:OtherAddressCountry>France</contacts:OtherAddressCountry>
        <contacts:OtherAddressPostalCode>06000</contacts:OtherAddressPostalCode>
        <contacts:OtherAddressState>Alpes-Maritimes</contacts:OtherAddressState>
        <contacts:OtherAddressStreet>3 promenade des Anglais</contacts:OtherAddressStreet>
        <contacts:PagerNumber>+33 6 00 00 00 10</contacts:PagerNumber>
        <contacts:RadioPhoneNumber>+33 6 00 00 00 11</contacts:RadioPhoneNumber>
        <contacts:Spouse>Frank</contacts:Spouse>
        <contacts:Suffix>PhD</contacts:Suffix>
        <contacts:Title>Dr.</contacts:Title>
        <contacts:WebPage>https://carol.example.org/</contacts:WebPage>
        <contacts:YomiCompanyName>Ekusanpuru</contacts:YomiCompanyName>
        <contacts:YomiFirstName>Kyaroru</contacts:YomiFirstName>
        <contacts:YomiLastName>Ekusanpuru</contacts:YomiLastName>
        <contacts:Picture>{Picture}</contacts:Picture>
        <contacts:Alias>carol</contacts:Alias>
        <contacts2:CustomerId>C-1234</contacts2:CustomerId>
        <contacts2:GovernmentId>G-5678</contacts2:GovernmentId>
        <contacts2:IMAddress>xmpp:carol@example.org</contacts2:IMAddress>
        <contacts2:IMAddress2>sip:carol@example.org</contacts2:IMAddress2>
        <contacts2:IMAddress3>carol@im.example</contacts2:IMAddress3>
        <contacts2:ManagerName>Grace Boss</contacts2:ManagerName>
        <contacts2:CompanyMainPhone>+33 1 00 00 00 00</contacts2:CompanyMainPhone>
        <contacts2:AccountName>carol.example</contacts2:AccountName>
        <contacts2:NickName>Caro</contacts2:NickName>
        <contacts2:MMS>+33 6 00 00 00 12</contacts2:MMS>
        """;

    private static readonly string[] DateFields = ["Birthday", "Anniversary"];

    [Fact]
    public async Task Contact_EveryFieldRoundTripsFrom161To141AndBack()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var modernContacts = phones.Modern.FolderOfType(9);
        var olderContacts = phones.Older.FolderOfType(9);
        await phones.Modern.SyncAsync(modernContacts);
        await phones.Older.SyncAsync(olderContacts);
        var sent = FullContact + "<contacts:Birthday>1980-05-31T22:00:00.000Z</contacts:Birthday><contacts:Anniversary>2010-09-18T08:00:00.000Z</contacts:Anniversary>";

        var serverId = await GroupwarePhones.AddAsync(phones.Modern, modernContacts, sent);
        var onOlder = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Older, olderContacts, "Add"));

        var expected = GroupwarePhones.Leaves(System.Xml.Linq.XElement.Parse($"<ApplicationData xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\" xmlns:contacts=\"Contacts:\" xmlns:contacts2=\"Contacts2:\">{FullContact}</ApplicationData>"));
        Assert.All(expected, leaf => Assert.Contains(leaf, GroupwarePhones.Leaves(onOlder)));
        // FIELD-NOTES 20: iOS's local midnight east of Greenwich is the evening before in UTC; the date is what counts.
        Assert.Equal("1980-06-01T12:00:00.000Z", EasPhone.Child(onOlder, "Birthday"));
        Assert.Equal("2010-09-18T12:00:00.000Z", EasPhone.Child(onOlder, "Anniversary"));

        // The 14.1 phone sends the contact back as it has it: the 16.1 phone finds every field as it wrote it.
        var olderServerId = EasPhone.Child(onOlder.Parent!, "ServerId");
        var change = await phones.Older.SyncAsync(olderContacts, $"<Change><ServerId>{olderServerId}</ServerId><ApplicationData>{GroupwarePhones.Echo(onOlder)}</ApplicationData></Change>");
        Assert.Equal("1", change.Value("Status"));
        var back = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Modern, modernContacts, "Change"));
        Assert.Equal(GroupwarePhones.Leaves(onOlder).Where(l => !l.StartsWith("Body/EstimatedDataSize", StringComparison.Ordinal)).Order(),
            GroupwarePhones.Leaves(back).Where(l => !l.StartsWith("Body/EstimatedDataSize", StringComparison.Ordinal)).Order());
        Assert.StartsWith(modernContacts + ":", serverId, StringComparison.Ordinal);
        Assert.DoesNotContain(DateFields, f => EasPhone.Child(back, f) is null);
    }

    [Fact]
    public async Task Contact_ChangeWithoutAnElementTheDeviceDoesNotSupport_KeepsIt()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var contacts = phones.Older.FolderOfType(9);
        // The device declares it manages names and the mobile number only (MS-ASCMD 2.2.3.179).
        var prime = await phones.Older.Client.SendAsync("Sync", $"""
            <Sync xmlns="AirSync:" xmlns:contacts="Contacts:"><Collections><Collection>
              <SyncKey>0</SyncKey><CollectionId>{contacts}</CollectionId>
              <Supported><contacts:FirstName/><contacts:LastName/><contacts:MobilePhoneNumber/></Supported>
            </Collection></Collections></Sync>
            """);
        phones.Older.Keys[contacts] = prime.Value("SyncKey")!;
        var serverId = await GroupwarePhones.AddAsync(phones.Older, contacts,
            "<contacts:FirstName>Carol</contacts:FirstName><contacts:LastName>Example</contacts:LastName><contacts:MobilePhoneNumber>+33 6 1</contacts:MobilePhoneNumber><contacts:JobTitle>Chief</contacts:JobTitle><contacts:HomePhoneNumber>+33 4 1</contacts:HomePhoneNumber>");

        await phones.Older.SyncAsync(contacts, $"<Change><ServerId>{serverId}</ServerId><ApplicationData><contacts:FirstName>Caroline</contacts:FirstName></ApplicationData></Change>");

        var modern = phones.Modern.FolderOfType(9);
        var item = GroupwarePhones.Data(Assert.Single(await phones.Modern.SyncAllAsync(modern)));
        Assert.Equal("Caroline", EasPhone.Child(item, "FirstName"));
        Assert.Null(EasPhone.Child(item, "LastName")); // managed and left out: cleared
        Assert.Null(EasPhone.Child(item, "MobilePhoneNumber"));
        Assert.Equal("Chief", EasPhone.Child(item, "JobTitle")); // not managed: ghosted, kept
        Assert.Equal("+33 4 1", EasPhone.Child(item, "HomePhoneNumber"));
    }

    [Fact]
    public async Task Contact_DeletedOnOnePhone_IsDeletedOnTheOther()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var modern = phones.Modern.FolderOfType(9);
        var older = phones.Older.FolderOfType(9);
        await phones.Modern.SyncAsync(modern);
        await phones.Older.SyncAsync(older);
        await GroupwarePhones.AddAsync(phones.Modern, modern, "<contacts:FirstName>Temp</contacts:FirstName>");
        var add = await GroupwarePhones.NextAsync(phones.Older, older, "Add");

        var delete = await phones.Older.SyncAsync(older, $"<Delete><ServerId>{EasPhone.Child(add, "ServerId")}</ServerId></Delete>");

        Assert.Equal("1", delete.Value("Status"));
        Assert.Empty(delete.All("Responses"));
        await GroupwarePhones.NextAsync(phones.Modern, modern, "Delete");
    }
}
