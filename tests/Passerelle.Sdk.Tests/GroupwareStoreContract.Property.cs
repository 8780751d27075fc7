using Passerelle.Sdk.Groupware;

namespace Passerelle.Sdk.Tests;

public abstract partial class GroupwareStoreContract
{
    /// <summary>The change-tracking property for groupware: random adds, updates, moves and deletes over three folders.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task ChangesSinceAnyEarlierState_ReproduceEachFolderExactly(int seed)
    {
        var random = new Random(seed);
        var (account, tasks) = await NewAccountWithDefaultAsync(GroupwareKind.Tasks);
        var a = await Groupware.CreateFolderAsync(account, GroupwareKind.Tasks, null, "A", None);
        var b = await Groupware.CreateFolderAsync(account, GroupwareKind.Tasks, a.Id, "B", None);
        string[] folders = [tasks, a.Id, b.Id];
        var location = new Dictionary<string, string>(StringComparer.Ordinal);
        var replicas = new List<FolderReplica<GroupwareItem>>();
        for (var step = 0; step < 80; step++)
        {
            var target = folders[random.Next(folders.Length)];
            var ids = location.Keys.Order(StringComparer.Ordinal).ToList();
            var operation = ids.Count < 3 ? 0 : random.Next(4);
            var id = ids.Count > 0 ? ids[random.Next(ids.Count)] : "";
            switch (operation)
            {
                case 0:
                    location[(await Groupware.CreateItemAsync(account, target, new TaskItem { Subject = $"t{step}" }, None)).Id] = target;
                    break;
                case 1:
                    await Groupware.UpdateItemAsync(account, location[id], new TaskItem { Id = id, Subject = $"t{step}", PercentComplete = random.Next(100) }, None);
                    break;
                case 2:
                    var newId = await Groupware.MoveItemAsync(account, location[id], id, target, None);
                    location.Remove(id);
                    location[newId] = target;
                    break;
                default:
                    await Groupware.DeleteItemAsync(account, location[id], id, None);
                    location.Remove(id);
                    break;
            }

            if (step % 3 == 0)
            {
                var folder = folders[random.Next(folders.Length)];
                var replica = new FolderReplica<GroupwareItem>(folder, i => i.Id, Signature);
                await replica.CatchUpAsync((since, max) => Groupware.GetChangesAsync(account, folder, since, max, None), 1000);
                replicas.Add(replica);
            }

            if (replicas.Count > 0 && random.Next(3) == 0)
            {
                var replica = replicas[random.Next(replicas.Count)];
                replica.Apply(await Groupware.GetChangesAsync(account, replica.FolderId, replica.State, random.Next(1, 4), None));
            }
        }

        foreach (var replica in replicas)
        {
            await replica.CatchUpAsync((since, max) => Groupware.GetChangesAsync(account, replica.FolderId, since, max, None), random.Next(1, 5));
            var current = new FolderReplica<GroupwareItem>(replica.FolderId, i => i.Id, Signature);
            await current.CatchUpAsync((since, max) => Groupware.GetChangesAsync(account, replica.FolderId, since, max, None), 1000);
            Assert.Equal(current.Items.OrderBy(p => p.Key), replica.Items.OrderBy(p => p.Key));
            Assert.Equal(current.State, replica.State);
        }
    }

    private static string Signature(GroupwareItem item) => $"{item.FolderId}|{GroupwareSamples.Contents(item)}";
}
