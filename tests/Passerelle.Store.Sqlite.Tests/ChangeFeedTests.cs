using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Tests;

namespace Passerelle.Store.Sqlite.Tests;

public sealed class SqliteChangeFeedContractTests : ChangeFeedContract
{
    protected override async Task<IStoreHarness> CreateHarnessAsync() => await SqliteHarness.CreateAsync();
}

/// <summary>Changes from another store instance (another process) and the cost of waiting subscriptions.</summary>
public sealed class SqliteChangeFeedTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task ChangeCommittedByAnotherStoreInstance_WakesASubscriberWithinTheDeadline()
    {
        await using var server = await SqliteHarness.CreateAsync();
        await using var cli = await SqliteHarness.CreateAsync(server.DataDirectory);
        var account = await server.CreateAccountAsync("alice");
        var inbox = (await server.Mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        var folder = new FolderRef(FolderSource.Mail, inbox);
        await using var subscription = await server.Feed.SubscribeAsync(account, [folder], None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var wait = subscription.WaitAsync(deadline.Token).AsTask();
        await cli.Mail.AppendAsync(account, inbox, TestMessages.Stream("from the CLI"), MessageFlags.None, null, None);

        Assert.Equal([folder], await wait);
    }

    [Collection(nameof(MemoryMeasurements))]
    public sealed class Cost
    {
        // Run off the test framework's synchronisation context, as the server runs.
        [Fact]
        public Task TenThousandWaitingSubscriptions_CostLittleMemory_AndOneChangeWakesThemAll() => Task.Run(async () =>
        {
            await using var store = await SqliteHarness.CreateAsync();
            var account = await store.CreateAccountAsync("alice");
            var inbox = (await store.Mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
            FolderRef[] folders = [new(FolderSource.Mail, inbox)];
            var subscriptions = new List<IChangeSubscription>();
            var waits = new List<Task<IReadOnlyCollection<FolderRef>>>();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await store.Feed.SubscribeAsync(account, folders, None); // warm up

            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < 10_000; i++)
            {
                var subscription = await store.Feed.SubscribeAsync(account, folders, None);
                subscriptions.Add(subscription);
                waits.Add(subscription.WaitAsync(deadline.Token).AsTask());
            }

            var perSubscription = (GC.GetTotalMemory(forceFullCollection: true) - before) / 10_000;
            await store.Mail.AppendAsync(account, inbox, TestMessages.Stream("wake everyone"), MessageFlags.None, null, None);
            await Task.WhenAll(waits);

            Assert.True(perSubscription < 2_000, $"{perSubscription} bytes per waiting subscription");
            Assert.All(waits, wait => Assert.Equal(folders, wait.Result));
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        });
    }
}
