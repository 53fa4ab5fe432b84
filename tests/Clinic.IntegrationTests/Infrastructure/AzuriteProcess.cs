using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// An Azurite emulator of our own, in memory, on three free loopback ports, so test runs never share state
/// with each other or with a developer's <c>scripts/run.sh</c>. Not thread-safe: one owner starts, restarts
/// and stops it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's fixed development account; public by design, it guards nothing.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The documented key of <see cref="AccountName"/>.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string AzuriteScript = "node_modules/azurite/dist/src/azurite.js";
    private const string InstallHint =
        "Install Azurite at the repository root with 'npm ci --ignore-scripts' (scripts/test.sh does it).";
    private const int OutputLinesKept = 40;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string _scriptPath;
    private readonly DirectoryInfo _workDirectory;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private bool _persistent;
    private EventHandler? _killOnExit;

    private AzuriteProcess(string scriptPath, int blobPort, int queuePort, int tablePort)
    {
        _scriptPath = scriptPath;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _workDirectory = Directory.CreateTempSubdirectory("clinic-azurite-");
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A storage connection string with explicit endpoints for this instance's ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;"
        + $"AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite and returns once its table service accepts connections. A <paramref name="persistent"/>
    /// one keeps its data on disk in its work folder, so a restart (an outage) loses nothing.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        bool persistent = false, CancellationToken cancellationToken = default)
    {
        var scriptPath = Repository.PathOf(AzuriteScript);
        if (!File.Exists(scriptPath))
        {
            throw new InvalidOperationException($"Azurite was not found at '{scriptPath}'. {InstallHint}");
        }

        var ports = LocalPorts.Free(3);
        var azurite = new AzuriteProcess(scriptPath, ports[0], ports[1], ports[2])
        {
            _persistent = persistent,
        };
        try
        {
            await azurite.LaunchAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops Azurite and starts it again on the same ports, as an outage would. Unless it is persistent, its
    /// data lives in memory only, and everything stored before is gone afterwards.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await LaunchAsync(cancellationToken);
    }

    /// <summary>Kills Azurite and waits until it has exited. Does nothing if it is not running.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        Unsubscribe();

        // A graceful stop buys nothing for in-memory data, and a kill cannot hang. Data on disk is saved on
        // SIGTERM only, so a persistent Azurite is asked to stop first.
        using var timeout = new CancellationTokenSource(StopTimeout);
        if (_persistent)
            await TerminateAsync(process, timeout.Token);

        KillQuietly(process);
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteWorkDirectory();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _output.Clear();
        var process = new Process { StartInfo = CreateStartInfo(), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not run 'node' to start Azurite: {exception.Message}. Install Node.js 20 or later.",
                exception);
        }

        _process = process;
        Subscribe(process);

        // Without readers the pipes fill up and Azurite blocks on its next write.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilListeningAsync(process, cancellationToken);
    }

    private ProcessStartInfo CreateStartInfo()
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Azurite rejects --location with --inMemoryPersistence and uses the working directory instead.
        // Telemetry stays off: offline its client keeps Node alive, and no usage data should leave.
        string[] arguments =
        [
            // A persistent Azurite must exit by itself on SIGTERM once its data is saved, which the parent
            // watch (it keeps standard input open) would prevent; it is stopped on ProcessExit instead.
            .. (_persistent ? Array.Empty<string>() : ["--require", WriteParentWatch()]),
            _scriptPath,
            .. (_persistent ? ["--location", _workDirectory.FullName] : new[] { "--inMemoryPersistence" }),
            "--skipApiVersionCheck", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>
    /// ProcessExit does not run when the test host is killed outright. Node then sees its standard input
    /// close, and this preloaded script ends it, so no orphan keeps running.
    /// </summary>
    private string WriteParentWatch()
    {
        var path = Path.Combine(_workDirectory.FullName, "exit-with-parent.js");
        File.WriteAllText(path, "process.stdin.on('end', () => process.exit(0)).resume();\n");
        return path;
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);

        try
        {
            while (!await AcceptsConnectionAsync(TablePort, timeout.Token))
            {
                if (process.HasExited)
                {
                    // Waiting again lets the output readers catch the last lines, which say why.
                    await process.WaitForExitAsync(timeout.Token);
                    throw StartFailure($"Azurite exited with code {process.ExitCode} during start-up.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync();
            throw StartFailure($"Azurite did not listen on port {TablePort} within {StartTimeout}.");
        }
    }

    private static async Task<bool> AcceptsConnectionAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private InvalidOperationException StartFailure(string reason) =>
        new($"{reason} {InstallHint} Last output:{Environment.NewLine}"
            + string.Join(Environment.NewLine, _output));

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    private void Subscribe(Process process)
    {
        _killOnExit = (_, _) =>
        {
            KillQuietly(process);
            DeleteWorkDirectory();
        };
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    private void Unsubscribe()
    {
        if (_killOnExit is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
            _killOnExit = null;
        }
    }

    private void DeleteWorkDirectory()
    {
        try
        {
            _workDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test run over it would not be.
        }
    }

    /// <summary>Asks Azurite to stop, and waits while it saves its data and exits.</summary>
    private static async Task TerminateAsync(Process process, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
