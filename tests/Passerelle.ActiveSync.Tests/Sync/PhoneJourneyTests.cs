using System.Xml.Linq;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Sync;

/// <summary>What an iOS 16.1 and an Android 14.1 client do when an account is added and used.</summary>
public class PhoneJourneyTests : EndToEndSuite
{
    public PhoneJourneyTests()
        : base(new MailBackend())
    {
    }

    protected PhoneJourneyTests(MailBackend backend)
        : base(backend)
    {
    }

    [Theory]
    [InlineData("iPhone", "16.1")]
    [InlineData("Android", "14.1")]
    public async Task NewAccount_PagesThroughAThousandMessagesInWindowsOf25_EachOnce(string deviceType, string version)
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 1000).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "JOURNEY1", deviceType, version);
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        await phone.SyncAsync(inbox, windowSize: 25);
        var windows = 0;
        var adds = new List<XElement>();
        EasAnswer answer;
        do
        {
            answer = await phone.SyncAsync(inbox, windowSize: 25, options: "<FilterType>0</FilterType>");
            var page = EasPhone.Commands(answer, "Add").ToList();
            Assert.True(page.Count <= 25, $"window {windows} had {page.Count} items");
            adds.AddRange(page);
            windows++;
        }
        while (answer.All("MoreAvailable").Any());

        Assert.Equal(40, windows);
        Assert.Equal(1000, adds.Select(a => EasPhone.Child(a, "ServerId")).Distinct().Count());
        Assert.Equal("Message 1000", EasPhone.Child(adds[0], "Subject"));
        Assert.Equal("Message 1", EasPhone.Child(adds[^1], "Subject"));
        var last = await phone.SyncAsync(inbox, windowSize: 25);
        Assert.Empty(EasPhone.Commands(last, "Add"));
    }

    [Theory]
    [InlineData("1", "Hello number 1, héhé.")]
    [InlineData("2", "<p>Hello <b>HTML</b></p>")]
    public async Task Bodies_ComeInTheTypeAsked_AndTruncationSaysSo(string type, string expectedStart)
    {
        await using var server = await StartAsync();
        var message = type == "1" ? Messages.Plain(1) : Messages.Alternative("Rich", "Hello HTML", "<p>Hello <b>HTML</b></p>");
        await ImportAsync(server, Bob, [message]);
        using var phone = new EasPhone(server, Bob, Password, "BODY1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        var whole = (await phone.SyncAllAsync(inbox, $"<airsyncbase:BodyPreference><airsyncbase:Type>{type}</airsyncbase:Type></airsyncbase:BodyPreference>")).Single();
        using var other = new EasPhone(server, Bob, Password, "BODY2");
        await other.SetupAsync();
        var cut = (await other.SyncAllAsync(inbox, $"<airsyncbase:BodyPreference><airsyncbase:Type>{type}</airsyncbase:Type><airsyncbase:TruncationSize>5</airsyncbase:TruncationSize></airsyncbase:BodyPreference>")).Single();

        Assert.Equal(type, EasPhone.Child(whole, "Type"));
        Assert.StartsWith(expectedStart, EasPhone.Child(whole, "Data")!.Trim(), StringComparison.Ordinal);
        Assert.Null(whole.Descendants().FirstOrDefault(e => e.Name.LocalName == "Truncated"));
        Assert.Equal("1", EasPhone.Child(cut, "Truncated"));
        Assert.True(EasPhone.Child(cut, "Data")!.Length <= 5);
        Assert.Equal(EasPhone.Child(whole, "EstimatedDataSize"), EasPhone.Child(cut, "EstimatedDataSize"));
    }

    [Fact]
    public async Task MimeBody_IsTheWholeMessage_AndTruncatedOnRequest()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, [Messages.Plain(7)]);
        using var phone = new EasPhone(server, Bob, Password, "MIME1");
        await phone.SetupAsync();

        var item = (await phone.SyncAllAsync(phone.FolderOfType(2), "<MIMESupport>2</MIMESupport><airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type><airsyncbase:TruncationSize>100</airsyncbase:TruncationSize></airsyncbase:BodyPreference>")).Single();

        Assert.Equal("4", EasPhone.Child(item, "Type"));
        Assert.StartsWith("From: Alice Example", EasPhone.Child(item, "Data"), StringComparison.Ordinal);
        Assert.Equal("1", EasPhone.Child(item, "Truncated"));
        Assert.True(int.Parse(EasPhone.Child(item, "EstimatedDataSize")!, System.Globalization.CultureInfo.InvariantCulture) > 100);
    }

    [Fact]
    public async Task ReadFlagAndDelete_OnOneDevice_ReachTheOther()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 3).Select(n => Messages.Plain(n)));
        using var iphone = new EasPhone(server, Bob, Password, "IPHONE", "iPhone", "16.1");
        using var android = new EasPhone(server, Bob, Password, "ANDROID", "Android", "14.1");
        await iphone.SetupAsync();
        await android.SetupAsync();
        var inbox = iphone.FolderOfType(2);
        var ids = (await iphone.SyncAllAsync(inbox)).Select(a => EasPhone.Child(a, "ServerId")!).ToList();
        await android.SyncAllAsync(inbox);

        var changes = await iphone.SyncAsync(inbox, $"""
            <Change><ServerId>{ids[0]}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>
            <Change><ServerId>{ids[1]}</ServerId><ApplicationData><email:Flag><email:Status>2</email:Status><email:FlagType>Follow up</email:FlagType></email:Flag></ApplicationData></Change>
            <Delete><ServerId>{ids[2]}</ServerId></Delete>
            """);
        var seen = await android.SyncAsync(inbox);

        Assert.Equal("1", changes.Value("Status"));
        Assert.Empty(changes.All("Responses")); // success is silent for Change and Delete
        var changed = EasPhone.Commands(seen, "Change").ToDictionary(c => EasPhone.Child(c, "ServerId")!);
        Assert.Equal("1", EasPhone.Child(changed[ids[0]], "Read"));
        Assert.Equal("2", changed[ids[1]].Descendants().First(e => e.Name.LocalName == "Flag").Elements().First(e => e.Name.LocalName == "Status").Value);
        Assert.Equal([ids[2]], EasPhone.Commands(seen, "Delete").Select(d => EasPhone.Child(d, "ServerId")));
        // The device's own changes are not echoed back to it.
        var echo = await iphone.SyncAsync(inbox);
        Assert.Empty(EasPhone.Commands(echo, "Change"));
        Assert.Empty(EasPhone.Commands(echo, "Delete"));
    }

    [Fact]
    public async Task DeletesAsMoves_PutTheMessageInDeletedItems()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, [Messages.Plain(1)]);
        using var phone = new EasPhone(server, Bob, Password, "TRASH1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var trash = phone.FolderOfType(4);
        var id = EasPhone.Child((await phone.SyncAllAsync(inbox)).Single(), "ServerId")!;
        await phone.SyncAllAsync(trash);

        await phone.SyncAsync(inbox, $"<Delete><ServerId>{id}</ServerId></Delete>");
        var deleted = await phone.SyncAsync(trash);

        Assert.Equal("Message 1", EasPhone.Child(EasPhone.Commands(deleted, "Add").Single(), "Subject"));
    }

    [Fact]
    public async Task NewMail_ArrivingAfterTheInitialSync_IsAnAdd()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "NEW1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAllAsync(inbox);

        await ImportAsync(server, Bob, [Messages.Plain(42)]);
        var next = await phone.SyncAsync(inbox);

        Assert.Equal("Message 42", EasPhone.Child(EasPhone.Commands(next, "Add").Single(), "Subject"));
    }
}
