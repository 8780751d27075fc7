using System.Net;
using System.Net.Sockets;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

internal static class FreePorts
{
    /// <summary>Loopback TCP ports nothing listens on at this moment.</summary>
    public static int[] Take(int count)
    {
        var sockets = Enumerable.Range(0, count).Select(_ =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }).ToList();
        var ports = sockets.Select(socket => ((IPEndPoint)socket.LocalEndPoint!).Port).ToArray();
        sockets.ForEach(socket => socket.Dispose());
        return ports;
    }

    /// <summary>Waits until something accepts connections on the port.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? gaveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && gaveUp?.Invoke() != true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Yield();
                await Task.Delay(20);
            }
        }

        return false;
    }
}
