using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// The Static Web Apps CLI emulator in front of a running local host, as README command 1 starts it: the
/// site's own routes and role rules, with the mock sign-in in place of Microsoft Entra ID.
/// </summary>
public sealed class StaticWebAppsEmulator : IAsyncDisposable
{
    private const string CliScript = "node_modules/@azure/static-web-apps-cli/dist/cli/bin.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _configDirectory;

    private StaticWebAppsEmulator(Process process, DirectoryInfo configDirectory, Uri address)
    {
        _process = process;
        _configDirectory = configDirectory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StaticWebAppsEmulator> StartAsync(Uri apiAddress)
    {
        var root = Repository.Root;
        var configDirectory = WriteLocalConfig(root);
        var port = LocalPorts.Free(1)[0];
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(root, CliScript), "start", Path.Combine(root, "frontend"),
                "--swa-config-location", configDirectory.FullName,
                "--api-devserver-url", apiAddress.ToString().TrimEnd('/'),
                "--host", "127.0.0.1",
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var emulator = new StaticWebAppsEmulator(
            process, configDirectory, new Uri($"http://127.0.0.1:{port}"));
        await emulator.WaitUntilListeningAsync(port);
        return emulator;
    }

    /// <summary>
    /// A client signed in as the mock form would sign someone in: the principal, roles as typed, stored
    /// base64-encoded in the emulator's auth cookie. The emulator turns it into <c>x-ms-client-principal</c>.
    /// </summary>
    public HttpClient SignedInClient(string userId, params string[] typedRoles)
    {
        var cookies = new CookieContainer();
        var principal = RunningLocalHost.Principal(userId, typedRoles);
        cookies.Add(Address, new Cookie("StaticWebAppsAuthCookie", principal));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _configDirectory.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    "The Static Web Apps CLI exited; run 'npm ci --ignore-scripts'.");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException(
            $"The Static Web Apps CLI did not listen on port {port} within {StartTimeout}.");
    }

    /// <summary>
    /// The site's configuration less its Entra ID registration, which the emulator cannot reach.
    /// </summary>
    private static DirectoryInfo WriteLocalConfig(string root)
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(root, "frontend", "staticwebapp.config.json")))!;
        config.AsObject().Remove("auth");
        var directory = Directory.CreateTempSubdirectory("clinic-swa-");
        File.WriteAllText(
            Path.Combine(directory.FullName, "staticwebapp.config.json"), config.ToJsonString());
        return directory;
    }
}
