using Azure.Core;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>Hands out a fixed bearer token and remembers which scopes were asked for.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "test-token-5c1d";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(
        TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
            Scopes.AddRange(requestContext.Scopes);

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
