using Microsoft.Extensions.DependencyInjection;
using Passerelle.GroupwareAsMail.Folders;
using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>The plugin's change feed in the running host: a change to a groupware folder wakes a watch on its mail folder.</summary>
public sealed class ChangeFeedTests
{
    [Fact]
    public async Task ItemAddedToTheGroupwareFolder_WakesTheWatchOnItsMailFolder()
    {
        await using var server = await DemoHost.StartAsync();
        var folder = await DemoHost.DefaultFolderAsync(server, GroupwareKind.Notes);
        var mailFolder = new FolderRef(FolderSource.Virtual, FolderIds.Of(folder.Id));
        var feeds = server.Services.GetServices<IChangeFeed>().ToList();
        var subscriptions = new List<IChangeSubscription>();
        foreach (var feed in feeds)
        {
            subscriptions.Add(await feed.SubscribeAsync(DemoHost.Alice, [mailFolder], CancellationToken.None));
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var waits = subscriptions.Select(s => s.WaitAsync(deadline.Token).AsTask()).ToList();
        await DemoHost.Store(server).CreateItemAsync(DemoHost.Alice, folder.Id, new Note { Subject = "Shopping" }, CancellationToken.None);
        var woken = await await Task.WhenAny(waits);

        Assert.Equal([mailFolder], woken);
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
