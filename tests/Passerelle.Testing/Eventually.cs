using System.Diagnostics;
using Xunit;

namespace Passerelle.Testing;

/// <summary>Bounded polling of an observable condition, for what happens on another thread or task (a change feed, a file watch, a background pass).</summary>
public static class Eventually
{
    /// <summary>Probes until the condition holds (then returns the value) or fails the test after <paramref name="within"/> (20 s).</summary>
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

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
