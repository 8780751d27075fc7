using System.Threading.Channels;

namespace Passerelle.GAL.Sources;

/// <summary>A signal that coalesces: any number of <see cref="Signal"/> calls wake one <see cref="WaitAsync"/>.</summary>
internal sealed class Wakeup
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    /// <returns>Whether a signal came.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _signals.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
