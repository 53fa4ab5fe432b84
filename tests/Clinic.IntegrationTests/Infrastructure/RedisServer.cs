using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// A real Redis server of our own on a free loopback port, in memory only, with a password on its default
/// user, so that each test class that needs one gets a clean server. <see cref="Admin"/> manages it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string InstallHint =
        "Install it (Debian or Ubuntu: 'sudo apt-get install -y redis-server'; scripts/test.sh does it as "
        + "root), "
        + "or set CLINIC_REDIS_SERVER to a redis-server executable.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private RedisServer(Process process, ConcurrentQueue<string> output, int port, string password)
    {
        _process = process;
        _output = output;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    /// <summary>The default user's password: fictional, made for this server alone.</summary>
    public string Password { get; }

    /// <summary>A StackExchange.Redis connection string that signs in with the password.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password},abortConnect=false";

    /// <summary>A connection as the default user, with admin commands allowed.</summary>
    public IConnectionMultiplexer Admin { get; private set; } = null!;

    public IServer AdminServer => Admin.GetServer("127.0.0.1", Port);

    public static async Task<RedisServer> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CLINIC_REDIS_SERVER") is { Length: > 0 } configured
            ? configured
            : "redis-server";
        var port = LocalPorts.Free(1)[0];
        var password = "test-" + Guid.NewGuid().ToString("N");
        var output = new ConcurrentQueue<string>();
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--requirepass", password,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run '{executable}'. {InstallHint}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, output, port, password);
        try
        {
            await server.WaitUntilListeningAsync();
            server.Admin = await ConnectionMultiplexer.ConnectAsync(
                $"{server.ConnectionString},allowAdmin=true");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many times <paramref name="command"/> ran, and how many of those failed (INFO).</summary>
    public async Task<(long Calls, long Failed)> CommandStatsAsync(string command)
    {
        var stats = await AdminServer.InfoAsync("commandstats");
        var line = stats.SelectMany(group => group)
            .FirstOrDefault(pair => pair.Key == $"cmdstat_{command.ToLowerInvariant()}").Value;
        if (line is null)
            return (0, 0);

        // calls=3,usec=10,usec_per_call=3.33,rejected_calls=0,failed_calls=1
        var fields = line.Split(',').Select(field => field.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        long Field(string name) => long.Parse(
            fields.GetValueOrDefault(name, "0"), System.Globalization.CultureInfo.InvariantCulture);
        return (Field("calls"), Field("failed_calls") + Field("rejected_calls"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Admin is not null)
            await Admin.DisposeAsync();

        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw Failure($"redis-server exited with code {_process.ExitCode} during start-up.");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw Failure($"redis-server did not listen on port {Port} within {StartTimeout}.");
    }

    private InvalidOperationException Failure(string reason) =>
        new($"{reason} {InstallHint} Last output:{Environment.NewLine}"
            + string.Join(Environment.NewLine, _output));

    private static void Remember(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
            return;

        output.Enqueue(line);
        if (output.Count > 40)
            output.TryDequeue(out _);
    }
}
