using System.Globalization;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

public abstract partial class MailStoreContract
{
    /// <summary>
    /// The property of issue 2: random sequences of add, change, move, delete and flag operations on several
    /// folders; replicas are taken at many states along the way, some advanced by a page now and then while the
    /// operations go on; at the end, each replica applies "changes since" its state in small pages and must
    /// equal its folder exactly, at the folder's current state. A failing seed replays the same run.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task ChangesSinceAnyEarlierState_ReproduceEachFolderExactly(int seed)
    {
        var random = new Random(seed);
        var (account, inbox) = await NewAccountWithFolderAsync();
        var projects = await Mail.CreateFolderAsync(account, null, "Projects", None);
        var nested = await Mail.CreateFolderAsync(account, projects.Id, "Nested", None);
        string[] folders = [inbox, projects.Id, nested.Id];
        var location = new Dictionary<string, string>(StringComparer.Ordinal); // message id -> folder id
        var replicas = new List<FolderReplica<MailMessage>>();
        foreach (var folder in folders)
        {
            replicas.Add(await ReplicaOfAsync(account, folder));
        }

        var log = new List<string>();
        for (var step = 0; step < 90; step++)
        {
            log.Add(await RandomOperationAsync(random, account, folders, location));
            if (step % 3 == 0)
            {
                replicas.Add(await ReplicaOfAsync(account, folders[random.Next(folders.Length)]));
            }

            if (random.Next(3) == 0)
            {
                var replica = replicas[random.Next(replicas.Count)];
                replica.Apply(await Mail.GetChangesAsync(account, replica.FolderId, replica.State, random.Next(1, 4), None));
            }
        }

        foreach (var replica in replicas)
        {
            await replica.CatchUpAsync((since, max) => Mail.GetChangesAsync(account, replica.FolderId, since, max, None), random.Next(1, 5));
            var (state, current) = await ListAsync(account, replica.FolderId);
            Assert.True(
                current.ToDictionary(pair => pair.Key, pair => Signature(pair.Value)).OrderBy(p => p.Key).SequenceEqual(replica.Items.OrderBy(p => p.Key)),
                $"seed {seed}: folder {replica.FolderId} differs after: {string.Join("; ", log)}");
            Assert.Equal(state, replica.State);
        }
    }

    private async Task<FolderReplica<MailMessage>> ReplicaOfAsync(string account, string folderId)
    {
        var (state, messages) = await ListAsync(account, folderId);
        return FolderReplica<MailMessage>.At(folderId, state, messages.ToDictionary(p => p.Key, p => Signature(p.Value)), m => m.Id, Signature);
    }

    private async Task<string> RandomOperationAsync(Random random, string account, string[] folders, Dictionary<string, string> location)
    {
        var ids = location.Keys.Order(StringComparer.Ordinal).ToList();
        var operation = ids.Count < 3 ? 0 : random.Next(6);
        var target = folders[random.Next(folders.Length)];
        if (operation == 0)
        {
            var flags = random.Next(2) == 0 ? MessageFlags.Seen : MessageFlags.None;
            var added = await AppendAsync(account, target, $"m{location.Count.ToString(CultureInfo.InvariantCulture)}", flags);
            location[added.Id] = target;
            return $"add {added.Id} to {target}";
        }

        var id = ids[random.Next(ids.Count)];
        var folder = location[id];
        switch (operation)
        {
            case 1:
                var update = random.Next(2) == 0
                    ? new MessageUpdate { AddFlags = RandomFlag(random), RemoveFlags = RandomFlag(random) & ~MessageFlags.Seen }
                    : new MessageUpdate { Keywords = new[] { "Work", "Home", "Later" }.Where(_ => random.Next(2) == 0).ToList() };
                await Mail.UpdateMessageAsync(account, folder, id, update, None);
                return $"change {id}";
            case 2:
            case 3:
                var newId = await Mail.MoveMessageAsync(account, folder, id, target, None);
                location.Remove(id);
                location[newId] = target;
                return $"move {id} from {folder} to {target} as {newId}";
            case 4:
                await Mail.DeleteMessagesAsync(account, folder, [id], None);
                location.Remove(id);
                return $"delete {id}";
            default:
                var status = random.Next(2) == 0 ? FollowUpStatus.Active : FollowUpStatus.Complete;
                await Mail.UpdateMessageAsync(account, folder, id, new MessageUpdate { FollowUp = new FollowUpFlag(status) }, None);
                return $"flag {id} {status}";
        }
    }

    private static MessageFlags RandomFlag(Random random) =>
        new[] { MessageFlags.Seen, MessageFlags.Flagged, MessageFlags.Answered, MessageFlags.None }[random.Next(4)];

    private static string Signature(MailMessage message) =>
        $"{message.FolderId}|{(int)message.Flags}|{string.Join(',', message.Keywords.Order(StringComparer.Ordinal))}|{message.FollowUp?.Status}";
}
