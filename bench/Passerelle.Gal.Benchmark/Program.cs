using System.Diagnostics;
using System.Globalization;
using Fixtures.ConfiguredStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Gal.Benchmark;
using Passerelle.GAL;
using Passerelle.GAL.Flags;
using Passerelle.GAL.Sources;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Groupware;

// dotnet run -c Release --project bench/Passerelle.Gal.Benchmark [-- ACCOUNTS CONTACTS QUERIES]
var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 90_000;
var contacts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
const string Viewer = "benchmark@example.com";

var data = People.Company(accounts, contacts, seed: 42);
data.Accounts.Add(new AccountData { Address = Viewer, Password = "x", DisplayName = "Benchmark" });
var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
var feed = new MemoryChangeFeed();
var groupware = new MemoryGroupware(data, feed, time);
var directory = new ConfiguredDirectory(() => data);
var dataDirectory = Directory.CreateTempSubdirectory("gal-benchmark").FullName;
var options = new GalOptions();
var services = new ServiceCollection()
    .AddSingleton<TimeProvider>(time)
    .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
    .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
    .AddSingleton<IAccountDirectory>(directory)
    .AddSingleton<IGroupwareStore>(groupware)
    .AddSingleton<IChangeFeed>(feed)
    .AddGal(options, Path.Combine(dataDirectory, "gal.db"))
    .BuildServiceProvider();
await services.GetRequiredService<GalFlagStore>().AddAsync(data.Folders[0].Owner.ToLowerInvariant(), "partners", "partners", CancellationToken.None);
var gal = services.GetRequiredService<IGalProvider>();
var sources = services.GetRequiredService<GalSources>();
await directory.ListDomainsAsync(CancellationToken.None); // the store's own view of its data, built before measuring

Console.WriteLine($"{accounts:N0} accounts + {contacts:N0} contacts in one flagged folder ({contacts / 2:N0} of them colleagues, merged) = {accounts + contacts:N0} entries; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var before = Memory();
var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var first = await gal.SearchAsync(Viewer, new GalQuery("mar", 0, 50), CancellationToken.None);
var firstSearch = clock.Elapsed;
var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
var after = Memory();
Console.WriteLine($"first search (reads the directory and the folder, builds both indexes): {firstSearch.TotalMilliseconds:N0} ms elapsed, {firstCpu.TotalMilliseconds:N0} ms CPU; {first.Total:N0} matches for 'mar'");
Console.WriteLine($"index memory: {(after - before) / 1024.0 / 1024.0:N1} MiB managed ({(after - before) / (double)(accounts + contacts):N0} bytes per entry)");

var random = new Random(7);
var typed = Enumerable.Range(0, queries).Select(_ => Query(random, data)).ToList();
foreach (var query in typed.Take(2000))
{
    await gal.SearchAsync(Viewer, new GalQuery(query, 0, 50), CancellationToken.None); // JIT and tiering
}

var byLength = new Dictionary<string, (List<double> Wall, List<double> Cpu)>();
var all = (Wall: new List<double>(), Cpu: new List<double>());
long totalMatches = 0;
Console.WriteLine($"load average before: {LoadAverage()}");
foreach (var query in typed)
{
    var (result, wall, cpu) = await MeasureAsync(query);
    totalMatches += result.Total;
    all.Wall.Add(wall);
    all.Cpu.Add(cpu);
    var bucket = query.Contains(' ', StringComparison.Ordinal) ? "two words" : $"{Math.Min(query.Length, 5)}{(query.Length >= 5 ? "+" : "")} letters";
    if (!byLength.TryGetValue(bucket, out var times))
    {
        byLength[bucket] = times = ([], []);
    }

    times.Wall.Add(wall);
    times.Cpu.Add(cpu);
}

Console.WriteLine($"{queries:N0} prefix searches, range 0-49 (mean {totalMatches / (double)queries:N0} matches each); elapsed, then this thread's CPU time:");
Console.WriteLine(Line("all", all.Wall, all.Cpu));
foreach (var (bucket, times) in byLength.OrderBy(pair => pair.Key, StringComparer.Ordinal))
{
    Console.WriteLine(Line(bucket, times.Wall, times.Cpu));
}

// the widest two-letter prefixes a user can type
foreach (var wide in new[] { "ma", "ja", "de" })
{
    var walls = new List<double>();
    var cpus = new List<double>();
    var total = 0;
    for (var i = 0; i < 200; i++)
    {
        var (result, wall, cpu) = await MeasureAsync(wide);
        total = result.Total;
        walls.Add(wall);
        cpus.Add(cpu);
    }

    Console.WriteLine(Line($"'{wide}' ({total:N0} matches)", walls, cpus));
}

Console.WriteLine($"load average after: {LoadAverage()}");

// one contact changed: the feed wakes the folder's source, which applies the delta
var change = Stopwatch.StartNew();
await groupware.CreateItemAsync(data.Folders[0].Owner.ToLowerInvariant(), "partners", new Contact { FirstName = "Quasimodo", LastName = "Zyx", Emails = [new ContactEmail("quasimodo@partner.test")] }, CancellationToken.None);
while ((await gal.SearchAsync(Viewer, new GalQuery("quasimodo", 0, 10), CancellationToken.None)).Total == 0)
{
    await Task.Yield();
}

Console.WriteLine($"a contact added to the flagged folder is found after {change.Elapsed.TotalMilliseconds:N1} ms (delta applied, no rebuild: {sources.FindBook("partners")!.BaseBuilds} base build)");

// the directory re-read: one account renamed among all
data.Accounts[1].DisplayName = "Renamed Person";
data.Version++;
await directory.ListDomainsAsync(CancellationToken.None);
var listing = Stopwatch.StartNew();
var listed = await directory.ListAccountsAsync("example.com", CancellationToken.None).CountAsync();
var listingTime = listing.Elapsed;
time.Advance(options.RefreshInterval * 2);
var reread = Stopwatch.StartNew();
await gal.SearchAsync(Viewer, new GalQuery("renamed", 0, 10), CancellationToken.None);
Console.WriteLine($"directory re-read of {listed:N0} accounts with one changed (a search waiting for it): {reread.Elapsed.TotalMilliseconds:N0} ms, of which the store's listing about {listingTime.TotalMilliseconds:N0} ms; {sources.FindDirectory("example.com")!.BaseBuilds} base build");

await services.DisposeAsync();
SqliteConnection.ClearAllPools();
Directory.Delete(dataDirectory, recursive: true);

static long Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

async Task<(GalSearchResult Result, double Wall, double Cpu)> MeasureAsync(string query)
{
    var cpu = ThreadClock.NowMilliseconds();
    var start = Stopwatch.GetTimestamp();
    var task = gal.SearchAsync(Viewer, new GalQuery(query, 0, 50), CancellationToken.None);
    var cpuTaken = ThreadClock.NowMilliseconds() - cpu; // the search completes on this thread: the index is in memory
    var result = await task;
    return (result, Stopwatch.GetElapsedTime(start).TotalMilliseconds, task.IsCompletedSuccessfully ? cpuTaken : double.NaN);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string Line(string label, List<double> wall, List<double> cpu)
{
    static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    var w = wall.Order().ToList();
    var c = cpu.Order().ToList();
    return string.Create(CultureInfo.InvariantCulture, $"  {label,-22} n={w.Count,6}  p50 {At(w, 0.50),6:F2}  p99 {At(w, 0.99),6:F2}  max {w[^1],7:F2} ms | cpu p50 {At(c, 0.50),5:F2}  p99 {At(c, 0.99),5:F2} ms");
}

// What people type: the start of a first or family name, 2 to 6 letters, sometimes without accents or in capitals,
// sometimes the start of both names.
static string Query(Random random, StoreData data)
{
    var name = data.Accounts[random.Next(data.Accounts.Count)].DisplayName!.Split(' ');
    string Start(string word) => word[..Math.Min(word.Length, random.Next(2, 7))];
    var query = random.Next(10) == 0 ? $"{Start(name[0])} {Start(name[^1])[..2]}" : Start(name[random.Next(name.Length)]);
    return random.Next(4) switch
    {
        0 => Passerelle.GAL.Text.TextFolding.Fold(query),
        1 => query.ToUpperInvariant(),
        _ => query,
    };
}
