using System.Xml.Linq;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Sync;

public class EmailSyncTests : EndToEndSuite
{
    private const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:TruncationSize>200000</airsyncbase:TruncationSize></airsyncbase:BodyPreference>";

    public EmailSyncTests()
        : base(new MailBackend())
    {
    }

    protected EmailSyncTests(MailBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task InitialSync_SendsEveryMessageNewestFirst_WithBodyAndFields()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 3).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "IPHONE1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        var adds = await phone.SyncAllAsync(inbox, PlainBody);

        Assert.Equal(["Message 3", "Message 2", "Message 1"], adds.Select(a => EasPhone.Child(a, "Subject")));
        var first = adds[0];
        Assert.Contains("alice@example.test", EasPhone.Child(first, "From"), StringComparison.Ordinal);
        Assert.Equal("0", EasPhone.Child(first, "Read"));
        Assert.Equal("1", EasPhone.Child(first, "Type"));
        Assert.Equal("Hello number 3, héhé.", EasPhone.Child(first, "Data")!.Trim());
        Assert.StartsWith($"{inbox}:", EasPhone.Child(first, "ServerId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderSync_ListsTheSpecialFoldersWithTheirTypes()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "IPHONE1");

        await phone.SetupAsync();

        var types = phone.Folders.Values.Select(f => f.Type).ToHashSet();
        Assert.Contains(2, types); // Inbox
        Assert.Contains(3, types); // Drafts
        Assert.Contains(4, types); // Deleted Items
        Assert.Contains(5, types); // Sent Items
    }
}
