using System.Diagnostics;
using System.Globalization;
using MailKit;
using MimeKit;
using Passerelle.Store.Imap.Tests.Infrastructure;

// Initial sync of a large Dovecot folder through the IMAP store: a full GetChangesAsync listing from
// nothing in pages of 100 (what a phone's first Sync walks through), then every message opened and read;
// then a phone's first Sync of the folder over HTTP, through the whole ActiveSync engine.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
await using var dovecot = await Dovecot.StartAsync();
await using var host = await ImapStoreHost.StartAsync(dovecot);
var account = await host.NewAccountAsync(dovecot, "bench");

var clock = Stopwatch.StartNew();
using (var client = await OtherClient.ConnectAsync(dovecot, account))
{
    // MULTIAPPEND (RFC 3502) in batches, straight to Dovecot: setting up is not what is measured.
    for (var start = 0; start < count; start += 500)
    {
        var batch = Enumerable.Range(start, Math.Min(500, count - start))
            .Select(i => (IAppendRequest)new AppendRequest(Message(i), MessageFlags.None))
            .ToList();
        await client.Inbox.AppendAsync(batch);
    }
}

Console.WriteLine($"appended {count} messages in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
var ids = new List<string>(count);
Passerelle.Sdk.Changes.ChangeState? state = null;
for (var more = true; more;)
{
    var page = await host.Mail.GetChangesAsync(account.Id, "INBOX", state, 100, CancellationToken.None);
    ids.AddRange(page.Changed.Select(message => message.Id));
    (state, more) = (page.State, page.MoreAvailable);
}

var listing = clock.Elapsed;
Report("listing (GetChangesAsync since null, pages of 100)", ids.Count, listing);

clock.Restart();
long bytes = 0;
foreach (var id in ids)
{
    await using var mime = await host.Mail.OpenMessageAsync(account.Id, "INBOX", id, CancellationToken.None);
    bytes += await DrainAsync(mime);
}

var opening = clock.Elapsed;
Report("opening every message (OpenMessageAsync, read to the end)", ids.Count, opening);
Report("initial sync (listing + opening)", ids.Count, listing + opening);
Console.WriteLine($"{bytes / 1024.0 / 1024.0:F1} MiB of MIME read");

// The same folder as a phone sees it: its first Sync over HTTP, windows of 100, plain text bodies.
using var phone = new Passerelle.Testing.EasPhone(host.Server, account.Id, account.Password, "BENCH1");
await phone.SetupAsync();
var inbox = phone.FolderOfType(2);
clock.Restart();
var adds = await phone.SyncAllAsync(inbox, "<FilterType>0</FilterType><airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:TruncationSize>32768</airsyncbase:TruncationSize></airsyncbase:BodyPreference>");
Report("initial sync of a phone over EAS (Sync windows of 100, bodies as text)", adds.Count, clock.Elapsed);
return ids.Count == count && adds.Count == count ? 0 : 1;

static void Report(string what, int messages, TimeSpan elapsed) =>
    Console.WriteLine($"{what}: {messages} messages in {elapsed.TotalSeconds:F2} s = {messages / elapsed.TotalSeconds:F0} messages/s");

static MimeMessage Message(int i) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
    Dovecot.Message("sender@outside.test", "bench@example.test", $"Message {i}", string.Join("\r\n", Enumerable.Repeat($"Line of message {i}, about seventy characters long, for a realistic size.", 40))))));

static async Task<long> DrainAsync(Stream stream)
{
    var buffer = new byte[81920];
    long total = 0;
    int read;
    while ((read = await stream.ReadAsync(buffer)) > 0)
    {
        total += read;
    }

    return total;
}
