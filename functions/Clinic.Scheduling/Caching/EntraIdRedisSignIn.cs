using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;
using StackExchange.Redis.Configuration;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// The user and password of a Redis connection signed in with Microsoft Entra ID: the identity's object id
/// and a current access token. StackExchange.Redis asks its defaults provider for them on every connect, so a
/// reconnect after a renewal signs in with the new token. It derives from the Azure provider to keep that
/// provider's defaults for Azure Cache for Redis (TLS, retries on connect).
/// </summary>
internal sealed class EntraIdRedisSignIn(TokenCredential credential) : AzureOptionsProvider
{
    private const string Scope = "https://redis.azure.com/.default";

    private volatile Token? _current;

    public override string? User => _current?.User;

    public override string? Password => _current?.Value;

    /// <summary>When the current token runs out; Redis closes a connection whose token has.</summary>
    public DateTimeOffset ExpiresOn => _current?.ExpiresOn ?? DateTimeOffset.MinValue;

    /// <summary>Only ever set on one connection's options, never picked by endpoint.</summary>
    public override bool IsMatch(EndPoint endpoint) => false;

    /// <summary>Gets a new token, which <see cref="User"/> and <see cref="Password"/> give from now on.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        _current = new Token(ObjectIdOf(token.Token), token.Token, token.ExpiresOn);
    }

    // The token's payload names the identity; Redis expects that object id as the user name.
    private static string ObjectIdOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
            throw new InvalidOperationException("The Entra ID token for Redis is not a JWT.");

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.TryGetProperty("oid", out var oid) && oid.GetString() is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("The Entra ID token for Redis names no object id.");
    }

    private sealed record Token(string User, string Value, DateTimeOffset ExpiresOn);
}
