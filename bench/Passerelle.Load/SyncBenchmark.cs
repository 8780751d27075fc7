using System.Diagnostics;

namespace Passerelle.Load;

/// <summary>
/// Initial sync of a large Inbox on the embedded store: one phone pages through every message with a
/// WindowSize, as a phone does after adding the account. Reports messages per second and the server's memory.
/// </summary>
internal static class SyncBenchmark
{
    private const string User = "bench@example.test";
    private const string WarmupUser = "warmup@example.test";
    private const string Password = "benchmark password";

    public static async Task RunAsync(int messages, int windowSize, int warmupMessages)
    {
        var data = Directory.CreateTempSubdirectory("passerelle-sync-bench").FullName;
        try
        {
            Console.WriteLine($"Importing {messages:N0} messages...");
            await ServerProcess.CliAsync(data, "domain", "add", "example.test");
            await ServerProcess.CliAsync(data, "user", "add", User, "--password", Password);
            await ServerProcess.CliAsync(data, "mail", "import", "--user", User, Corpus.WriteMbox(data, User, messages));
            if (warmupMessages > 0)
            {
                await ServerProcess.CliAsync(data, "user", "add", WarmupUser, "--password", Password);
                await ServerProcess.CliAsync(data, "mail", "import", "--user", WarmupUser, Corpus.WriteMbox(data, WarmupUser, warmupMessages));
            }

            await using var server = await ServerProcess.StartAsync(data);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
            // Another user's phone syncs first, so that the measure is of a running server, not of its first
            // minute (the JIT is still optimising the hot paths then, on the same two cores).
            if (warmupMessages > 0)
            {
                var warmup = new EasLoadClient(http, WarmupUser, Password, "SYNCWARMUP1");
                await warmup.SyncAllAsync(await warmup.InboxAsync(), windowSize);
                Console.WriteLine("Warmed up; measuring...");
            }

            var phone = new EasLoadClient(http, User, Password, "SYNCBENCH1");
            var inbox = await phone.InboxAsync();
            var before = server.ResidentMegabytes;

            var received = 0;
            var rounds = 0;
            var clock = Stopwatch.StartNew();
            await phone.SyncAllAsync(inbox, windowSize, adds =>
            {
                received += adds;
                rounds++;
            });
            clock.Stop();

            Console.WriteLine($"Initial sync of {received:N0} messages, WindowSize {windowSize}, {rounds} Syncs: {clock.Elapsed.TotalSeconds:F1} s, {received / clock.Elapsed.TotalSeconds:F0} messages/s");
            Console.WriteLine($"Server memory: {before:F0} MB before, {server.ResidentMegabytes:F0} MB after, peak {server.PeakMegabytes:F0} MB");
            if (received != messages)
            {
                throw new InvalidOperationException($"expected {messages} messages, the phone got {received}");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
