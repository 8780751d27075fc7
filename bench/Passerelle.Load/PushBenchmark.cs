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

    public static async Task RunAsync(int idleDevices, int idleUsers, int activeUsers, int rate, int warmup, int seconds)
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
            var sendTimes = new ConcurrentBag<double>();
            Console.WriteLine($"Warming up: {rate} messages a second for {warmup} s...");
            var warmupCount = await SendAsync(sender, active, rate, warmup, 0, sent, sendTimes);
            await WaitUntilSeenAsync(latencies, warmupCount);
            latencies.Clear();
            sendTimes.Clear();
            Console.WriteLine($"Sending {rate} messages a second for {seconds} s to random active users...");
            var count = await SendAsync(sender, active, rate, seconds, warmupCount, sent, sendTimes);
            await WaitUntilSeenAsync(latencies, count);

            var peak = server.PeakMegabytes;
            await stop.CancelAsync();
            Report(latencies.ToArray(), sendTimes.ToArray(), idlePings.Count(t => t.IsFaulted), peak);
            await Task.WhenAll(listeners.Concat(idlePings).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Sends <paramref name="rate"/> messages a second by SendMail to random active users; how many.</summary>
    private static async Task<int> SendAsync(EasLoadClient sender, IReadOnlyList<string> active, int rate, int seconds, int first, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> sendTimes)
    {
        var sends = new List<Task>();
        var random = new Random(42 + first);
        var clock = Stopwatch.StartNew();
        for (var n = first; n < first + rate * seconds; n++)
        {
            var due = TimeSpan.FromSeconds((double)(n - first) / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var (subject, clientId, to) = ($"push {n}", $"c{n}", active[random.Next(active.Count)]);
            sent[subject] = Stopwatch.GetTimestamp();
            sends.Add(TimedAsync(() => sender.SendMailAsync(clientId, to, subject), sendTimes));
        }

        await Task.WhenAll(sends);
        return sends.Count;
    }

    private static async Task WaitUntilSeenAsync(ConcurrentBag<double> latencies, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (latencies.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
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

    private static async Task TimedAsync(Func<Task> send, ConcurrentBag<double> times)
    {
        var start = Stopwatch.GetTimestamp();
        await send();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static void Report(double[] latencies, double[] sendTimes, int failedPings, double peakMegabytes)
    {
        Console.WriteLine($"Messages sent {sendTimes.Length:N0}, seen by their recipient's device {latencies.Length:N0}");
        Console.WriteLine($"Push latency ms: {Percentiles(latencies)}");
        Console.WriteLine($"SendMail round trip ms: {Percentiles(sendTimes)}");
        Console.WriteLine($"Idle Pings that failed: {failedPings}; server peak memory {peakMegabytes:F0} MB");
    }

    private static string Percentiles(double[] values)
    {
        if (values.Length == 0)
        {
            return "-";
        }

        Array.Sort(values);
        string At(double q) => values[Math.Min(values.Length - 1, (int)(q * values.Length))].ToString("F0", CultureInfo.InvariantCulture);
        return $"p50 {At(0.50)}, p90 {At(0.90)}, p99 {At(0.99)}, max {At(1)}";
    }
}
