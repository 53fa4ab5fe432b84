using System.Text;
using System.Text.Json;
using Azure.Core;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Scheduling.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// The Redis connector's Microsoft Entra ID sign-in against a real Redis server whose ACL user stands in for
/// the app's identity: it signs in as the token's object id with the token, renews the token before it runs
/// out, signs live connections in again, and reconnects with the newest token.
/// </summary>
public sealed class RedisEntraSignInTests : IAsyncLifetime
{
    private const string ObjectId = "00000000-0000-4000-8000-00000000c0de";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Connect_withoutPassword_signsInAsTheObjectIdWithTheToken()
    {
        var credential = new FictionalEntraCredential(ObjectId, _time, TimeSpan.FromHours(1));
        await AllowAsync(credential.TokenAt(1));
        await using var connector = new RedisConnector(_time, NullLogger<RedisConnector>.Instance, credential);

        var connection = await connector.ConnectAsync($"127.0.0.1:{_redis.Port},abortConnect=false");
        var user = (string?)await connection.GetDatabase().ExecuteAsync("ACL", "WHOAMI");

        Assert.Equal(ObjectId, user);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task TokenNearItsExpiry_isRenewed_liveConnectionsSignInAgain_andReconnectsUseTheNewToken()
    {
        // Eleven minutes: the first check, two minutes in, finds it within ten minutes of its expiry.
        var credential = new FictionalEntraCredential(ObjectId, _time, TimeSpan.FromMinutes(11));
        await AllowAsync(credential.TokenAt(1), credential.TokenAt(2));
        await using var connector = new RedisConnector(_time, NullLogger<RedisConnector>.Instance, credential);
        var connection = await connector.ConnectAsync($"127.0.0.1:{_redis.Port},abortConnect=false");
        await connection.GetDatabase().StringSetAsync("entra-check", "kept");
        var authBefore = await _redis.CommandStatsAsync("auth");

        _time.Advance(RedisConnector.CheckEvery);
        var reAuthenticated = await WaitUntilAsync(
            async () => (await _redis.CommandStatsAsync("auth")).Calls > authBefore.Calls);

        // The first token no longer signs in, and every connection of the identity is dropped.
        await _redis.AdminServer.ExecuteAsync("ACL", "SETUSER", ObjectId, "<" + credential.TokenAt(1));
        await _redis.AdminServer.ExecuteAsync("CLIENT", "KILL", "USER", ObjectId);
        var afterReconnect = await ReadAfterReconnectAsync(connection);

        Assert.Equal(2, credential.Calls);
        Assert.True(reAuthenticated, "no AUTH with the renewed token reached Redis");
        Assert.Equal("kept", afterReconnect);
        Assert.Equal(authBefore.Failed, (await _redis.CommandStatsAsync("auth")).Failed);
    }

    // An ACL user named as the identity, whose passwords are the tokens the credential will hand out.
    private async Task AllowAsync(params string[] tokens)
    {
        object[] rules =
            ["SETUSER", ObjectId, "on", .. tokens.Select(token => ">" + token), "~*", "&*", "+@all"];
        await _redis.AdminServer.ExecuteAsync("ACL", rules);
    }

    private static async Task<string?> ReadAfterReconnectAsync(IConnectionMultiplexer connection)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                return await connection.GetDatabase().StringGetAsync("entra-check");
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        return null;
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>
    /// Hands out unsigned, fictional JWTs naming one object id, each valid for a fixed lifetime from the fake
    /// clock's now; what Entra ID would return for the app's managed identity.
    /// </summary>
    private sealed class FictionalEntraCredential(string objectId, TimeProvider time, TimeSpan lifetime)
        : TokenCredential
    {
        private int _calls;

        public int Calls => _calls;

        public string TokenAt(int call)
        {
            var payload = JsonSerializer.Serialize(
                new { oid = objectId, aud = "https://redis.azure.com", n = call });
            return $"{Base64Url("{\"alg\":\"none\"}")}.{Base64Url(payload)}.c2lnbmF0dXJl";
        }

        public override AccessToken GetToken(
            TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Assert.Equal(["https://redis.azure.com/.default"], requestContext.Scopes);
            var call = Interlocked.Increment(ref _calls);
            return new AccessToken(TokenAt(call), time.GetUtcNow() + lifetime);
        }

        public override ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));

        private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
