using System.Runtime.InteropServices;

namespace Passerelle.Gal.Benchmark;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID): what a search costs, apart from the time other
/// processes of a busy machine take from it. Zero elsewhere.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!Available || clock_gettime(ThreadCpuTime, out var time) != 0)
        {
            return 0;
        }

        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
