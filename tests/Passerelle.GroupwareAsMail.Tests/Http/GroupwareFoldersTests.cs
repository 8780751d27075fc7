using System.Globalization;
using System.Text;
using MimeKit;
using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;
using static Passerelle.GroupwareAsMail.Tests.Infrastructure.GroupwarePhone;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>What a 12.1 phone sees of the demo's notes, tasks and files once the switch is on, over real HTTP.</summary>
public sealed class GroupwareFoldersTests
{
    [Fact]
    public async Task GwmailOn_A121Device_SeesTheThreeFoldersUnderGroupware()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);

        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        Assert.NotNull(Parent(phone));
        Assert.Equal(["Files", "Notes", "Tasks"], Subfolders(phone));
        Assert.All(phone.Folders.Values.Where(f => f.ParentId == Parent(phone)!.ServerId), f => Assert.Equal(12, f.Type));
    }

    [Fact]
    public async Task Note_ArrivesWithItsTextDateAndAttachedFile_AndItsCategoryAsFromName()
    {
        await using var server = await DemoHost.StartAsync();
        var note = (Note)await DemoHost.OnlyItemAsync(server, GroupwareKind.Notes);
        await DemoHost.Store(server).UpdateItemAsync(DemoHost.Alice, note.FolderId, note with { Categories = ["Office"] }, CancellationToken.None);
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var add = Assert.Single(await phone.SyncAllAsync(Subfolder(phone, "Notes"), PlainBody));

        Assert.Equal("Wi-Fi at the office", EasPhone.Child(add, "Subject"));
        Assert.Equal("The network details are attached.", EasPhone.Child(add, "Data")!.Trim());
        Assert.Equal("\"Office\" <alice@example.test>", EasPhone.Child(add, "From"));
        Assert.Equal("network.txt", EasPhone.Child(add, "DisplayName"));
        AssertAbout(38, EasPhone.Child(add, "EstimatedDataSize"));
        Assert.Equal("0", EasPhone.Child(add, "Read"));
        var received = DateTimeOffset.Parse(EasPhone.Child(add, "DateReceived")!, CultureInfo.InvariantCulture);
        var stored = (await DemoHost.OnlyItemAsync(server, GroupwareKind.Notes)).LastModified;
        Assert.True(Math.Abs((received - stored).TotalSeconds) < 1, $"{received} is not the note's last modification {stored}");
    }

    [Fact]
    public async Task Note_AsMime_HoldsTextHtmlAndTheFileItself()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var add = Assert.Single(await phone.SyncAllAsync(Subfolder(phone, "Notes"), MimeBody));

        var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(EasPhone.Child(add, "Data")!)));
        Assert.Equal("Wi-Fi at the office", mime.Subject);
        Assert.Equal("The network details are attached.", mime.TextBody?.Trim());
        Assert.Contains("The network details are attached.", mime.HtmlBody, StringComparison.Ordinal);
        var file = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("network.txt", file.FileName);
        using var content = new MemoryStream();
        await file.Content!.DecodeToAsync(content);
        Assert.Equal("SSID: example-office\nPassword: ask Bob\n", Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task Task_ArrivesWithItsStatusDatesAndPriority_AsImportance()
    {
        await using var server = await DemoHost.StartAsync();
        var task = (TaskItem)await DemoHost.OnlyItemAsync(server, GroupwareKind.Tasks);
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var add = Assert.Single(await phone.SyncAllAsync(Subfolder(phone, "Tasks"), PlainBody));

        Assert.Equal("Try Passerelle on a phone", EasPhone.Child(add, "Subject"));
        Assert.Equal("2", EasPhone.Child(add, "Importance"));
        var body = EasPhone.Child(add, "Data")!;
        Assert.Contains("Status: Not started", body, StringComparison.Ordinal);
        Assert.Contains("Percent complete: 0%", body, StringComparison.Ordinal);
        Assert.Contains($"Due: {task.DueDate!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", body, StringComparison.Ordinal);
        Assert.Contains("Priority: High", body, StringComparison.Ordinal);
        Assert.Contains("Reminder: none", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_ArrivesAsAnAttachmentWithItsSize_AndItsFolderInTheBody()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var add = Assert.Single(await phone.SyncAllAsync(Subfolder(phone, "Files"), PlainBody));

        Assert.Equal("Passerelle quick start.txt", EasPhone.Child(add, "Subject"));
        Assert.Equal("Passerelle quick start.txt", EasPhone.Child(add, "DisplayName"));
        AssertAbout(77, EasPhone.Child(add, "EstimatedDataSize"));
        Assert.NotNull(EasPhone.Child(add, "FileReference"));
        var body = EasPhone.Child(add, "Data")!;
        Assert.Contains("Size: 77 bytes", body, StringComparison.Ordinal);
        Assert.Contains("Folder: Files", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeFile_IsListedWithItsFullSize()
    {
        await using var server = await DemoHost.StartAsync();
        var files = await DemoHost.DefaultFolderAsync(server, GroupwareKind.Files);
        var bytes = new byte[5 * 1024 * 1024 + 3]; // past what a message is built in memory for
        new Random(13).NextBytes(bytes);
        var file = await DemoHost.Store(server).CreateItemAsync(DemoHost.Alice, files.Id, new FileItem { Name = "archive.bin", ContentType = "application/octet-stream" }, CancellationToken.None);
        await DemoHost.Store(server).AddAttachmentAsync(DemoHost.Alice, files.Id, file.Id, "archive.bin", "application/octet-stream", new MemoryStream(bytes), CancellationToken.None);
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var adds = await phone.SyncAllAsync(Subfolder(phone, "Files"), PlainBody);

        var add = adds.Single(a => EasPhone.Child(a, "Subject") == "archive.bin");
        Assert.Equal("archive.bin", EasPhone.Child(add, "DisplayName"));
        AssertAbout(bytes.Length, EasPhone.Child(add, "EstimatedDataSize"));
        Assert.Contains("Size: 5,242,883 bytes", EasPhone.Child(add, "Data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginOff_NoDeviceSeesTheFolders()
    {
        await using var server = await DemoHost.StartAsync(new() { ["Plugins:GroupwareAsMail:Enabled"] = "false", ["Plugins:GroupwareAsMail:Default"] = "on" });

        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        Assert.Null(Parent(phone));
        Assert.Contains(phone.Folders.Values, f => f.Type == 2); // the rest is untouched
    }

    [Fact]
    public async Task ParentFolder_IsConfigurable()
    {
        await using var server = await DemoHost.StartAsync(new() { ["Plugins:GroupwareAsMail:ParentFolder"] = "Organizer", ["Plugins:GroupwareAsMail:Default"] = "on" });

        using var phone = await DemoHost.PhoneAsync(server, "NEWPHONE1", "16.1", "iPhone");

        Assert.NotNull(Parent(phone, "Organizer"));
    }

    /// <summary>EstimatedDataSize is the server's estimate from the encoded size (MS-ASAIRS 2.2.2.25): within 2 %.</summary>
    private static void AssertAbout(long size, string? estimated)
    {
        var value = long.Parse(estimated!, CultureInfo.InvariantCulture);
        Assert.InRange(value, size - size / 50 - 4, size + size / 50 + 4);
    }
}
