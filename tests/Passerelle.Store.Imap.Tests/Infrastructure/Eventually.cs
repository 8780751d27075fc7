using System.Diagnostics;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>Bounded polling of an observable condition, for what another task of the host does in its own time.</summary>
internal static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? within = null)
    {
        var deadline = within ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"the condition did not hold within {deadline}; last value: {value}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
