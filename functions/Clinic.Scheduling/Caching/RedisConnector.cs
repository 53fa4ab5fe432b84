using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// Connects the second level to Azure Cache for Redis. A connection string without a password means Entra ID:
/// the app's identity gets a token, signs in with it as user (its object id), and signs in again on every
/// connection before the token expires, because Redis closes connections whose token has run out.
/// </summary>
internal sealed class RedisConnector(TimeProvider time, ILogger<RedisConnector> logger) : IAsyncDisposable
{
    private const string Scope = "https://redis.azure.com/.default";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(10);

    private TokenCredential? _credential;
    private ConfigurationOptions? _options;
    private ConnectionMultiplexer? _connection;
    private ITimer? _renewal;
    private DateTimeOffset _expiresOn;

    public async Task<IConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (!string.IsNullOrEmpty(options.Password))
            return await ConnectionMultiplexer.ConnectAsync(options);

        _credential = new DefaultAzureCredential();
        _options = options;
        await SignInAsync(CancellationToken.None);
        _connection = await ConnectionMultiplexer.ConnectAsync(options);
        _renewal = time.CreateTimer(_ => _ = RenewAsync(), null, CheckEvery, CheckEvery);
        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_renewal is not null)
            await _renewal.DisposeAsync();
    }

    /// <summary>A fresh token into the options, which later reconnects read too.</summary>
    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        var token = await _credential!.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        _options!.User = ObjectIdOf(token.Token);
        _options.Password = token.Token;
        _expiresOn = token.ExpiresOn;
    }

    private async Task RenewAsync()
    {
        if (time.GetUtcNow() < _expiresOn - RenewBefore || _connection is null)
            return;

        try
        {
            await SignInAsync(CancellationToken.None);
            foreach (var endpoint in _connection.GetEndPoints())
            {
                var server = _connection.GetServer(endpoint);
                if (server.IsConnected)
                    await server.ExecuteAsync("AUTH", _options!.User!, _options.Password!);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next check tries again; until then reads fall back to memory and storage.
            Log.RedisSignInFailed(logger, exception.GetType().Name, _expiresOn);
        }
    }

    // The token's payload names the identity; Redis expects that object id as the user name.
    private static string ObjectIdOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.GetProperty("oid").GetString()
            ?? throw new InvalidOperationException("The Entra ID token for Redis names no object id.");
    }
}
