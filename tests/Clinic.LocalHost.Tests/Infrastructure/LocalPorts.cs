using System.Net;
using System.Net.Sockets;

namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>Free loopback ports, held together while they are picked so that no two are the same.</summary>
public static class LocalPorts
{
    public static int[] Free(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Stop();
        }
    }
}
