using System.Globalization;
using Passerelle.Load;

// Load scenarios against the real server in a process of its own; see bench/README.md.
var scenario = args.FirstOrDefault();
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

switch (scenario)
{
    case "sync":
        await SyncBenchmark.RunAsync(Option("--messages", 10_000), Option("--window", 100), Option("--warmup", 20_000));
        return 0;
    case "push":
        await PushBenchmark.RunAsync(Option("--idle", 10_000), Option("--idle-users", 50), Option("--active-users", 50), Option("--rate", 50), Option("--warmup", 10), Option("--seconds", 60));
        return 0;
    default:
        Console.Error.WriteLine("usage: Passerelle.Load sync [--messages N] [--window N] [--warmup N]");
        Console.Error.WriteLine("       Passerelle.Load push [--idle N] [--idle-users N] [--active-users N] [--rate N] [--warmup N] [--seconds N]");
        return 2;
}
