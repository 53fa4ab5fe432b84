using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// Connects the second level to Redis. A connection string with a password signs in with it. One without
/// means Microsoft Entra ID (Azure Cache for Redis with the app's managed identity): the connection signs in
/// with a token, and before that token runs out, a new one is fetched and every live connection signs in again
/// with it (Redis would otherwise close them); reconnects take the newest token by themselves. Only the
/// interactive connection of each server is signed in again: the distributed cache uses no subscriptions.
/// </summary>
internal sealed class RedisConnector(
    TimeProvider time, ILogger<RedisConnector> logger, TokenCredential? credential = null) : IAsyncDisposable
{
    /// <summary>How often the token's expiry is checked.</summary>
    internal static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(2);

    /// <summary>How long before its expiry a token is replaced: several checks, so one failure is harmless.
    /// </summary>
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(10);

    private EntraIdRedisSignIn? _signIn;
    private IConnectionMultiplexer? _connection;
    private ITimer? _renewal;

    public async Task<IConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (!string.IsNullOrEmpty(options.Password))
            return await ConnectionMultiplexer.ConnectAsync(options);

        _signIn = new EntraIdRedisSignIn(credential ?? new DefaultAzureCredential());
        await _signIn.RenewAsync(CancellationToken.None);
        options.Defaults = _signIn;
        _connection = await ConnectionMultiplexer.ConnectAsync(options);

        // The cache asks for a new connection after losing one: the old connection's renewal goes with it.
        if (_renewal is not null)
            await _renewal.DisposeAsync();
        _renewal = time.CreateTimer(_ => _ = RenewAsync(), null, CheckEvery, CheckEvery);
        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_renewal is not null)
            await _renewal.DisposeAsync();
    }

    private async Task RenewAsync()
    {
        if (_signIn is null || _connection is null || time.GetUtcNow() < _signIn.ExpiresOn - RenewBefore)
            return;

        try
        {
            await _signIn.RenewAsync(CancellationToken.None);
            foreach (var endpoint in _connection.GetEndPoints())
            {
                var server = _connection.GetServer(endpoint);
                if (server.IsConnected)
                    await server.ExecuteAsync("AUTH", _signIn.User!, _signIn.Password!);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next check tries again; until then lookups fall back to memory and storage.
            Log.RedisSignInFailed(logger, exception.GetType().Name, _signIn.ExpiresOn);
        }
    }
}
