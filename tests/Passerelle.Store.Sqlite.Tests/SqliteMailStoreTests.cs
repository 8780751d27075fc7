using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Tests;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>What the embedded mail store does beyond the contract: details it keeps, files, retention, schema.</summary>
public sealed class SqliteMailStoreTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task FollowUpDetails_AndLastVerb_AreKeptAsGiven()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var (account, inbox) = await NewInboxAsync(store);
        var message = await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("details"), MessageFlags.None, null, None);
        var due = new DateTimeOffset(2025, 7, 1, 17, 0, 0, TimeSpan.Zero);
        var flag = new FollowUpFlag(FollowUpStatus.Active) { FlagType = "Call back", DueDate = due, UtcDueDate = due, ReminderSet = true, ReminderTime = due.AddHours(-1), Subject = "Call Bob" };
        var verb = new LastVerb(MessageVerb.ReplyToAll, new DateTimeOffset(2025, 6, 30, 8, 0, 0, TimeSpan.Zero));

        await store.Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { FollowUp = flag, LastVerb = verb, Keywords = ["Rouge vif", "日本"] }, None);

        var stored = await store.Mail.GetMessageAsync(account, inbox, message.Id, None);
        Assert.Equal(flag, stored!.FollowUp);
        Assert.Equal(verb, stored.LastVerb);
        Assert.Equal(["Rouge vif", "日本"], stored.Keywords);
    }

    [Fact]
    public async Task StateOlderThanTheTombstoneRetention_HasExpired_NewerStatesStillWork()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var store = await SqliteHarness.CreateAsync(time: time, configuration: new Dictionary<string, string?> { ["Plugins:Store.Sqlite:TombstoneRetention"] = "30.00:00:00" });
        var (account, inbox) = await NewInboxAsync(store);
        var doomed = await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("doomed"), MessageFlags.None, null, None);
        var old = await store.Mail.GetStateAsync(account, inbox, None);
        await store.Mail.DeleteMessagesAsync(account, inbox, [doomed.Id], None);
        var afterDelete = await store.Mail.GetStateAsync(account, inbox, None);

        time.Advance(TimeSpan.FromDays(31));
        await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("later"), MessageFlags.None, null, None); // a write runs the purge

        await Assert.ThrowsAsync<ChangeStateExpiredException>(() => store.Mail.GetChangesAsync(account, inbox, old, 10, None));
        var fromNewer = await store.Mail.GetChangesAsync(account, inbox, afterDelete, 10, None);
        Assert.Equal("later", Assert.Single(fromNewer.Changed).Envelope?.Subject);
    }

    [Fact]
    public async Task SameContentInTwoFolders_IsOneBlobFile_RemovedWithTheLastReference()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var (account, inbox) = await NewInboxAsync(store);
        var other = await store.Mail.CreateFolderAsync(account, null, "Other", None);
        var bytes = TestMessages.Create("twice", messageId: "same");
        var first = await store.Mail.AppendAsync(account, inbox, new MemoryStream(bytes), MessageFlags.None, null, None);
        var second = await store.Mail.AppendAsync(account, other.Id, new MemoryStream(bytes), MessageFlags.None, null, None);

        Assert.Single(BlobFiles(store));
        await store.Mail.DeleteMessagesAsync(account, inbox, [first.Id], None);
        Assert.Single(BlobFiles(store));
        await store.Mail.DeleteMessagesAsync(account, other.Id, [second.Id], None);
        Assert.Empty(BlobFiles(store));
    }

    [Fact]
    public async Task Messages_SurviveReopeningTheDataDirectory_WithTheirStates()
    {
        string data;
        string account, inbox;
        Sdk.Changes.ChangeState state;
        await using (var store = await SqliteHarness.CreateAsync())
        {
            data = store.DataDirectory;
            (account, inbox) = await NewInboxAsync(store);
            await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("persisted"), MessageFlags.None, null, None);
            state = await store.Mail.GetStateAsync(account, inbox, None);
        }

        await using var reopened = await SqliteHarness.CreateAsync(data);

        Assert.Equal(state, await reopened.Mail.GetStateAsync(account, inbox, None));
        Assert.Equal("persisted", Assert.Single((await reopened.Mail.GetChangesAsync(account, inbox, null, 10, None)).Changed).Envelope?.Subject);
    }

    [Fact]
    public async Task Database_IsInWalMode_AtTheLatestSchema()
    {
        await using var store = await SqliteHarness.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataDirectory, "store.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SchemaMigrator.LatestVersion, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task TwoStoreInstancesOnOneDataDirectory_WriteAtOnce_WithoutLosingAWrite()
    {
        await using var first = await SqliteHarness.CreateAsync();
        await using var second = await SqliteHarness.CreateAsync(first.DataDirectory);
        var (account, inbox) = await NewInboxAsync(first);

        await Task.WhenAll(
            Task.Run(() => AppendManyAsync(first, account, inbox, "first", 40)),
            Task.Run(() => AppendManyAsync(second, account, inbox, "second", 40)));

        var changes = await first.Mail.GetChangesAsync(account, inbox, null, 1000, None);
        Assert.Equal(80, changes.Changed.Select(m => m.Envelope!.Subject).Distinct().Count());
    }

    [Fact]
    public async Task UnknownAccount_HasNoMailFolders()
    {
        await using var store = await SqliteHarness.CreateAsync();

        Assert.Empty(await store.Mail.GetFoldersAsync("nobody@example.test", None));
    }

    [Fact]
    public async Task RemovingAnAccount_RemovesItsMailAndBlobs()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var (account, inbox) = await NewInboxAsync(store);
        await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("bye"), MessageFlags.None, null, None);

        await store.RemoveAccountAsync(account);

        Assert.Empty(BlobFiles(store));
        await Assert.ThrowsAsync<FolderNotFoundException>(() => store.Mail.GetStateAsync(account, inbox, None));
    }

    [Theory]
    [InlineData("hello world", "\"hello\"* \"world\"*")]
    [InlineData("say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*")]
    [InlineData("- * ( )", null)]
    public void MatchExpression_QuotesEveryWord(string text, string? expected) =>
        Assert.Equal(expected, Mail.SqliteMailStore.MatchExpression(text));

    private static async Task AppendManyAsync(SqliteHarness store, string account, string inbox, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.Mail.AppendAsync(account, inbox, TestMessages.Stream($"{prefix} {i}"), MessageFlags.None, null, None);
        }
    }

    private static async Task<(string Account, string Inbox)> NewInboxAsync(SqliteHarness store)
    {
        var account = await store.CreateAccountAsync("alice");
        var folders = await store.Mail.GetFoldersAsync(account, None);
        return (account, folders.Single(f => f.Role == MailFolderRole.Inbox).Id);
    }

    private static List<string> BlobFiles(SqliteHarness store)
    {
        var root = Path.Combine(store.DataDirectory, "blobs");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).StartsWith("tmp", StringComparison.Ordinal))
            .ToList();
    }
}
