using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Tests;
using Passerelle.Testing;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary><c>passerelle mail import</c> against a running server's data directory.</summary>
public sealed class MailImportTests : IAsyncLifetime
{
    private PasserelleServer _server = null!;

    private IMailStore Mail => _server.Services.GetRequiredService<IMailStore>();

    public async Task InitializeAsync()
    {
        _server = await StoreServer.StartAsync();
        (await _server.RunCliAsync("domain", "add", "example.test")).Ok();
        (await _server.RunCliAsync("user", "add", "alice@example.test", "--password", "pw")).Ok();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EmlAndMboxFiles_GoToTheInbox_WithTheirArrivalTimeAndStatus()
    {
        var folder = TestPaths.NewTemporaryDirectory("import");
        var eml = Path.Combine(folder, "one.eml");
        await File.WriteAllBytesAsync(eml, TestMessages.Create("From an eml file", "body one"));
        var mbox = Path.Combine(folder, "archive.mbox");
        await File.WriteAllTextAsync(mbox, Mbox(
            ("Status: RO\n", "First in mbox", "Received: from mx.example.net by mail.example.test; Tue, 3 Jun 2025 10:00:00 +0000\n"),
            ("", "Second in mbox", ""),
            ("X-Status: F\n", "Third in mbox", "")));

        var result = await _server.RunCliAsync("mail", "import", "--user", "alice@example.test", eml, mbox);

        Assert.Equal("imported 4 messages into Inbox of alice@example.test", result.Ok().Trim());
        var messages = await InboxAsync();
        Assert.Equal(["First in mbox", "From an eml file", "Second in mbox", "Third in mbox"], messages.Select(m => m.Envelope!.Subject).Order(StringComparer.Ordinal));
        var first = messages.Single(m => m.Envelope!.Subject == "First in mbox");
        Assert.True(first.Flags.HasFlag(MessageFlags.Seen));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 10, 0, 0, TimeSpan.Zero), first.ReceivedAt);
        Assert.True(messages.Single(m => m.Envelope!.Subject == "Third in mbox").Flags.HasFlag(MessageFlags.Flagged));
        Assert.False(messages.Single(m => m.Envelope!.Subject == "Second in mbox").Flags.HasFlag(MessageFlags.Seen));
        await using var content = await Mail.OpenMessageAsync("alice@example.test", messages[0].FolderId, messages.Single(m => m.Envelope!.Subject == "From an eml file").Id, CancellationToken.None);
        Assert.Contains("body one", await new StreamReader(content).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderOption_ImportsIntoThatFolder_CreatingItWhenMissing()
    {
        var eml = Path.Combine(TestPaths.NewTemporaryDirectory("import"), "old.eml");
        await File.WriteAllBytesAsync(eml, TestMessages.Create("An old one"));

        (await _server.RunCliAsync("mail", "import", "--user", "alice@example.test", "--folder", "Archive/2024", eml)).Ok();

        var folders = await Mail.GetFoldersAsync("alice@example.test", CancellationToken.None);
        var archive = folders.Single(f => f.Name == "Archive" && f.ParentId is null);
        var year = folders.Single(f => f.Name == "2024" && f.ParentId == archive.Id);
        var changes = await Mail.GetChangesAsync("alice@example.test", year.Id, null, 10, CancellationToken.None);
        Assert.Equal("An old one", Assert.Single(changes.Changed).Envelope?.Subject);
    }

    [Fact]
    public async Task BadOrMissingFile_FailsWithOneLine_AndImportsNothing()
    {
        var folder = TestPaths.NewTemporaryDirectory("import");
        var good = Path.Combine(folder, "good.eml");
        await File.WriteAllBytesAsync(good, TestMessages.Create("Good"));
        var empty = Path.Combine(folder, "empty.eml");
        await File.WriteAllBytesAsync(empty, []);

        var missing = await _server.RunCliAsync("mail", "import", "--user", "alice@example.test", good, Path.Combine(folder, "missing.eml"));
        var bad = await _server.RunCliAsync("mail", "import", "--user", "alice@example.test", good, empty);
        var nobody = await _server.RunCliAsync("mail", "import", "--user", "nobody@example.test", good);

        Assert.All([missing, bad, nobody], result => Assert.Equal(1, result.ExitCode));
        Assert.All([missing, bad, nobody], result => Assert.Single(result.Error.Trim().Split('\n')));
        Assert.Contains("missing.eml", missing.Error, StringComparison.Ordinal);
        Assert.Contains("empty.eml", bad.Error, StringComparison.Ordinal);
        Assert.Empty(await InboxAsync());
    }

    [Theory]
    [InlineData("mail")]
    [InlineData("mail", "import")]
    public async Task Help_IsThere(params string[] command)
    {
        var result = await _server.RunCliAsync([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliInAnotherProcess_AndTheServer_WriteAtOnce_WithoutErrorOrLostWrite()
    {
        var folder = TestPaths.NewTemporaryDirectory("import");
        var files = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            files.Add(Path.Combine(folder, $"cli-{i}.eml"));
            await File.WriteAllBytesAsync(files[^1], TestMessages.Create($"cli {i}"));
        }

        var inbox = (await Mail.GetFoldersAsync("alice@example.test", CancellationToken.None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        var cli = PasserelleServer.RunProcessAsync(_server.DataDirectory, ["mail", "import", "--user", "alice@example.test", .. files]);
        var users = PasserelleServer.RunProcessAsync(_server.DataDirectory, "user", "add", "bob@example.test", "--password", "pw");
        var written = 0;
        while (!cli.IsCompleted || !users.IsCompleted || written < 10)
        {
            await Mail.AppendAsync("alice@example.test", inbox, TestMessages.Stream($"server {written}"), MessageFlags.None, null, CancellationToken.None);
            written++;
        }

        Assert.Equal("imported 25 messages into Inbox of alice@example.test", (await cli).Ok().Trim());
        (await users).Ok();
        var subjects = (await InboxAsync()).Select(m => m.Envelope!.Subject).ToHashSet();
        Assert.Equal(25 + written, subjects.Count);
        Assert.All(Enumerable.Range(0, 25), i => Assert.Contains($"cli {i}", subjects));
        Assert.All(Enumerable.Range(0, written), i => Assert.Contains($"server {i}", subjects));
        Assert.NotNull(await _server.Services.GetRequiredService<IAccountDirectory>().FindAccountAsync("bob@example.test", CancellationToken.None));
    }

    private async Task<List<MailMessage>> InboxAsync()
    {
        var inbox = (await Mail.GetFoldersAsync("alice@example.test", CancellationToken.None)).Single(f => f.Role == MailFolderRole.Inbox);
        return (await Mail.GetChangesAsync("alice@example.test", inbox.Id, null, 1000, CancellationToken.None)).Changed.ToList();
    }

    private static string Mbox(params (string Status, string Subject, string Received)[] messages)
    {
        var text = new StringBuilder();
        foreach (var (status, subject, received) in messages)
        {
            text.Append("From sender@example.net Tue Jun  3 10:00:00 2025\n")
                .Append(received)
                .Append("From: sender@example.net\nTo: alice@example.test\n")
                .Append(status)
                .Append($"Subject: {subject}\nDate: Mon, 2 Jun 2025 09:00:00 +0000\n\nBody of {subject}.\n\n");
        }

        return text.ToString();
    }
}
