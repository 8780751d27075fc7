using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary><c>serve --demo</c>: example.test with alice and bob, seeded once.</summary>
public sealed class DemoSeedingTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Demo_SeedsUsersMailAndGroupware_PrintsThePasswords_AndOnlyOnce()
    {
        var output = new StringWriter();
        string data;
        await using (var server = await StoreServer.StartAsync(demo: true, output: output))
        {
            data = server.DataDirectory;
            using var alice = server.CreateClient("alice@example.test", "alice-demo");
            using var bob = server.CreateClient("bob@example.test", "bob-demo");
            Assert.Equal("alice@example.test", await alice.GetStringAsync("/whoami"));
            Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/whoami")).StatusCode);
            Assert.Contains("alice@example.test  password: alice-demo", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("bob@example.test    password: bob-demo", output.ToString(), StringComparison.Ordinal);

            var mail = server.Services.GetRequiredService<IMailStore>();
            var groupware = server.Services.GetRequiredService<IGroupwareStore>();
            Assert.Equal(
                ["Getting started (with an attachment)", "Team meeting notes", "Welcome to Passerelle"],
                (await InboxAsync(mail, "alice@example.test")).Select(m => m.Envelope!.Subject).Order());
            Assert.Equal(["Lunch on Friday?", "Team meeting notes"], (await InboxAsync(mail, "bob@example.test")).Select(m => m.Envelope!.Subject).Order());

            var items = await DefaultItemsAsync(groupware, "alice@example.test");
            Assert.Equal(2, items[GroupwareKind.Contacts].Count);
            var meeting = (CalendarEvent)Assert.Single(items[GroupwareKind.Calendar]);
            Assert.Equal(RecurrenceFrequency.Weekly, meeting.Recurrence?.Frequency);
            Assert.Single(items[GroupwareKind.Tasks]);
            Assert.Equal("network.txt", Assert.Single(Assert.Single(items[GroupwareKind.Notes]).Attachments).Name);
            var file = (FileItem)Assert.Single(items[GroupwareKind.Files]);
            Assert.True(file.Size > 0);
            Assert.Contains(await groupware.GetFoldersAsync("bob@example.test", None), f => f.Id == meeting.FolderId && f.Access == FolderAccess.ReadOnly);

            var again = new StringWriter();
            foreach (var seeder in server.Services.GetServices<IDemoSeeder>())
            {
                await seeder.SeedAsync(again, None);
            }

            Assert.Contains("seeded before", again.ToString(), StringComparison.Ordinal);
            Assert.Equal(3, (await InboxAsync(mail, "alice@example.test")).Count);
        }

        await using var restarted = await StoreServer.StartAsync(dataDirectory: data, demo: true);
        var restartedMail = restarted.Services.GetRequiredService<IMailStore>();
        Assert.Equal(3, (await InboxAsync(restartedMail, "alice@example.test")).Count);
        Assert.Equal(2, (await DefaultItemsAsync(restarted.Services.GetRequiredService<IGroupwareStore>(), "alice@example.test"))[GroupwareKind.Contacts].Count);
    }

    private static async Task<IReadOnlyList<MailMessage>> InboxAsync(IMailStore mail, string account)
    {
        var inbox = (await mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        return (await mail.GetChangesAsync(account, inbox, null, 100, None)).Changed;
    }

    private static async Task<Dictionary<GroupwareKind, IReadOnlyList<GroupwareItem>>> DefaultItemsAsync(IGroupwareStore groupware, string account)
    {
        var result = new Dictionary<GroupwareKind, IReadOnlyList<GroupwareItem>>();
        foreach (var folder in (await groupware.GetFoldersAsync(account, None)).Where(f => f.Role == GroupwareFolderRole.Default))
        {
            result[folder.Kind] = (await groupware.GetChangesAsync(account, folder.Id, null, 100, None)).Changed;
        }

        return result;
    }
}
