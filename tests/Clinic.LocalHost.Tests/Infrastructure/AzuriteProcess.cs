using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>
/// An in-memory Azurite of this test run's own, on free loopback ports, so its queues are shared with nobody.
/// The integration tests' emulator, cut down to what trigger tests need: start and stop.
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

    private readonly DirectoryInfo _workDirectory = Directory.CreateTempSubdirectory("clinic-azurite-");
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private EventHandler? _killOnExit;

    private AzuriteProcess(int blobPort, int queuePort, int tablePort)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
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

    /// <summary>Starts Azurite and returns once its queue service accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var scriptPath = Repository.PathOf(AzuriteScript);
        if (!File.Exists(scriptPath))
            throw new InvalidOperationException($"Azurite was not found at '{scriptPath}'. {InstallHint}");

        var ports = LocalPorts.Free(3);
        var azurite = new AzuriteProcess(ports[0], ports[1], ports[2]);
        try
        {
            await azurite.LaunchAsync(scriptPath, cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (_killOnExit is not null)
            AppDomain.CurrentDomain.ProcessExit -= _killOnExit;

        if (process is not null)
        {
            // Its data lives in memory only, so a kill loses nothing and cannot hang.
            KillQuietly(process);
            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token);
            process.Dispose();
        }

        DeleteWorkDirectory();
    }

    private async Task LaunchAsync(string scriptPath, CancellationToken cancellationToken)
    {
        var process = new Process { StartInfo = CreateStartInfo(scriptPath), EnableRaisingEvents = true };
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
        _killOnExit = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;

        // Without readers the pipes fill up and Azurite blocks on its next write.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilListeningAsync(process, cancellationToken);
    }

    private ProcessStartInfo CreateStartInfo(string scriptPath)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The preloaded script ends Node when this process dies without running ProcessExit: its standard
        // input closes. Telemetry stays off: offline its client keeps Node alive, and no usage data should
        // leave.
        string[] arguments =
        [
            "--require", WriteParentWatch(), scriptPath, "--inMemoryPersistence",
            "--skipApiVersionCheck", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
        ];
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        return startInfo;
    }

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
            while (!await AcceptsConnectionAsync(QueuePort, timeout.Token))
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
            throw StartFailure($"Azurite did not listen on port {QueuePort} within {StartTimeout}.");
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
            return;

        _output.Enqueue(line);
        if (_output.Count > OutputLinesKept)
            _output.TryDequeue(out _);
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
