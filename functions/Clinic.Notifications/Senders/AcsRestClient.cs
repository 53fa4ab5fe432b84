using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace Clinic.Notifications.Senders;

/// <summary>
/// The pipeline both senders share: the endpoint, one of the two documented ways to authenticate, no
/// retries, a network timeout; and the conversion of transport failures into outcomes.
/// </summary>
internal sealed class AcsRestClient
{
    /// <summary>The Entra scope of Azure Communication Services; the double slash is as documented.</summary>
    public const string Scope = "https://communication.azure.com//.default";

    private readonly HttpPipeline _pipeline;

    public AcsRestClient(
        AcsSenderOptions options,
        TokenCredential? credential,
        AcsClientOptions? clientOptions,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentException("Notifications:Acs:Timeout must be more than zero.", nameof(options));

        clientOptions ??= new AcsClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.Timeout;
        (Endpoint, var authentication) = Authentication(options, credential, timeProvider);
        _pipeline = HttpPipelineBuilder.Build(clientOptions, authentication);
    }

    public Uri Endpoint { get; }

    /// <summary>A request to <paramref name="path"/> under the endpoint, with its api-version.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path, string apiVersion)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + path));
        message.Request.Uri.AppendQuery("api-version", apiVersion);
        return message;
    }

    public ValueTask SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(message, cancellationToken);

    /// <summary>
    /// The outcome of a request that never got an answer: the network timeout, a connection failure, or no
    /// token from the credential (an unreachable identity endpoint as often as a missing identity). Null for
    /// anything else, which is a bug and should surface; a cancelled caller's token is not a failure either.
    /// </summary>
    public static SendOutcome.Transient? Unanswered(
        Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                new SendOutcome.Transient("timeout"),
            RequestFailedException { Status: 0 } or HttpRequestException or IOException =>
                new SendOutcome.Transient("network"),
            AuthenticationFailedException => new SendOutcome.Transient("credential"),
            _ => null,
        };

    private static (Uri Endpoint, HttpPipelinePolicy Policy) Authentication(
        AcsSenderOptions options, TokenCredential? credential, TimeProvider timeProvider)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var connection = AcsConnectionString.Parse(options.ConnectionString);
            return (connection.Endpoint, new AcsHmacAuthenticationPolicy(connection.AccessKey, timeProvider));
        }

        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                "Set Notifications:Acs:Endpoint to the resource's https endpoint, or ConnectionString.",
                nameof(options));
        }

        if (credential is null)
        {
            throw new ArgumentException(
                "Entra authentication needs a credential; or set Notifications:Acs:ConnectionString.",
                nameof(credential));
        }

        return (endpoint, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>An RFC 1123 date, as the repeatability fields want it.</summary>
    public static string HttpDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
