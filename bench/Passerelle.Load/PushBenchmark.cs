using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Passerelle.Load;

/// <summary>
/// Direct push under load: many devices hold idle Pings (their Inbox receives nothing) while messages
/// arrive by SendMail for random active users, whose one device each Pings, Syncs and Pings again. Reports
/// the server's memory growth for the idle Pings and the push latency: from the start of the SendMail to
/// the moment the recipient's device knew of the message (its Ping answer, or the Sync that fetched it).
/// </summary>
internal static class PushBenchmark
{
    private const string Password = "benchmark password";
    private const string Sender = "sender@example.test";
    private const int Heartbeat = 1740;

    public static async Task RunAsync(int idleDevices, int idleUsers, int activeUsers, int rate, int seconds)
    {
        var data = Directory.CreateTempSubdirectory("passerelle-push-bench").FullName;
        try
        {
            var idle = Enumerable.Range(0, idleUsers).Select(i => $"idle{i}@example.test").ToList();
            var active = Enumerable.Range(0, activeUsers).Select(i => $"active{i}@example.test").ToList();
            Console.WriteLine($"Creating {idle.Count + active.Count + 1} accounts...");
            await ServerProcess.CliAsync(data, "domain", "add", "example.test");
            await Parallel.ForEachAsync(idle.Concat(active).Append(Sender), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (user, _) => await ServerProcess.CliAsync(data, "user", "add", user, "--password", Password));

            await using var server = await ServerProcess.StartAsync(data, $"--Plugins:ActiveSync:MaxDevicesPerUser={idleDevices + 10}");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromHours(1) })
            {
                BaseAddress = server.Address,
                Timeout = Timeout.InfiniteTimeSpan,
            };

            Console.WriteLine($"Preparing {idleDevices:N0} idle devices and {active.Count} active ones...");
            var idlePhones = Enumerable.Range(0, idleDevices).Select(i => new EasLoadClient(http, idle[i % idle.Count], Password, $"IDLE{i}")).ToList();
            var activePhones = active.Select((user, i) => new EasLoadClient(http, user, Password, $"ACTIVE{i}")).ToList();
            var inboxes = new ConcurrentDictionary<EasLoadClient, (string Inbox, string Key)>();
            await Parallel.ForEachAsync(idlePhones.Concat(activePhones), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (phone, _) =>
            {
                var inbox = await phone.InboxAsync();
                inboxes[phone] = (inbox, await phone.SyncAllAsync(inbox, 100));
            });

            var baseline = server.ResidentMegabytes;
            using var stop = new CancellationTokenSource();
            var idlePings = idlePhones.Select(phone => HoldAsync(phone, inboxes[phone].Inbox, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(10)); // let every Ping reach the server; a benchmark, not a test
            var failedEarly = idlePings.Count(t => t.IsFaulted);
            var withPings = server.ResidentMegabytes;
            Console.WriteLine($"{idleDevices - failedEarly:N0} idle Pings held; server memory {baseline:F0} MB before, {withPings:F0} MB with them: growth {withPings - baseline:F0} MB");

            var sent = new ConcurrentDictionary<string, long>();
            var latencies = new ConcurrentBag<double>();
            var listeners = activePhones.Select(phone => ListenAsync(phone, inboxes[phone], sent, latencies, stop.Token)).ToList();
            var sender = new EasLoadClient(http, Sender, Password, "SENDER1");
            await sender.InboxAsync();
            Console.WriteLine($"Sending {rate} messages a second for {seconds} s to random active users...");
            var sends = new List<Task>();
            var random = new Random(42);
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < rate * seconds; n++)
            {
                var due = TimeSpan.FromSeconds((double)n / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var subject = $"push {n}";
                sent[subject] = Stopwatch.GetTimestamp();
                sends.Add(sender.SendMailAsync($"c{n}", active[random.Next(active.Count)], subject));
            }

            await Task.WhenAll(sends);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (latencies.Count < sends.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var peak = server.PeakMegabytes;
            await stop.CancelAsync();
            Report(latencies.ToArray(), sends.Count, idlePings.Count(t => t.IsFaulted), peak);
            await Task.WhenAll(listeners.Concat(idlePings).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task HoldAsync(EasLoadClient phone, string inbox, CancellationToken stop)
    {
        try
        {
            await phone.PingAsync(inbox, Heartbeat, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task ListenAsync(EasLoadClient phone, (string Inbox, string Key) collection, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        var key = collection.Key;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var changed = await phone.PingAsync(collection.Inbox, Heartbeat, stop);
                var woken = Stopwatch.GetTimestamp();
                if (!changed)
                {
                    continue;
                }

                var (next, subjects, _) = await phone.SyncSubjectsAsync(collection.Inbox, key, 100);
                var synced = Stopwatch.GetTimestamp();
                key = next;
                foreach (var subject in subjects)
                {
                    if (sent.TryRemove(subject, out var at))
                    {
                        // A message that came after the Ping answered was learnt by this Sync.
                        latencies.Add(Stopwatch.GetElapsedTime(at, at <= woken ? woken : synced).TotalMilliseconds);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static void Report(double[] latencies, int sent, int failedPings, double peakMegabytes)
    {
        Array.Sort(latencies);
        string At(double q) => latencies.Length == 0 ? "-" : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))].ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine($"Messages sent {sent:N0}, seen by their recipient's device {latencies.Length:N0}");
        Console.WriteLine($"Push latency ms: p50 {At(0.50)}, p90 {At(0.90)}, p99 {At(0.99)}, max {(latencies.Length == 0 ? "-" : latencies[^1].ToString("F0", CultureInfo.InvariantCulture))}");
        Console.WriteLine($"Idle Pings that failed: {failedPings}; server peak memory {peakMegabytes:F0} MB");
    }
}
