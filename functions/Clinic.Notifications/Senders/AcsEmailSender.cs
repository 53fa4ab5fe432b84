using System.Buffers;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Sends email with the Azure Communication Services REST operations Send (<c>POST /emails:send</c>) and Get
/// Send Result (<c>GET /emails/operations/{id}</c>), api-version 2023-03-31, over Azure.Core's pipeline.
/// </summary>
/// <remarks>
/// <para>
/// Repeats: each send carries an <c>Operation-Id</c> made from the idempotency key, the means of idempotency
/// this API version documents (it has no repeatability headers). By the Azure REST guidelines a service
/// answers an identical request under a known operation id with that operation instead of a new one, so a
/// retried send is not delivered twice. A retry must therefore carry the same content: a different request
/// under a known id is refused with 400, a permanent outcome.
/// </para>
/// <para>
/// Verdict: 202 means accepted. The sender then reads the operation's status, honouring its retry-after,
/// for at most <see cref="AcsSenderOptions.EmailStatusWait"/> and
/// <see cref="AcsSenderOptions.MaxEmailStatusPolls"/> requests: Succeeded is sent, Failed or Canceled is
/// permanent with the service's error code. Without a verdict in that time, or when the status cannot be
/// read, the email counts as sent under its operation id: the service has it, a resend would be recognised
/// as a repeat, and delivery reports come by Event Grid.
/// </para>
/// </remarks>
public sealed class AcsEmailSender : IEmailSender
{
    private const string Purpose = "email";

    private static readonly TimeSpan DefaultPollDelay = TimeSpan.FromSeconds(1);

    private readonly AcsSenderOptions _options;
    private readonly AcsRestClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <param name="options">Endpoint or connection string, sender address, timeouts.</param>
    /// <param name="credential">
    /// For Entra authentication (the managed identity in Azure, with a role on the Communication Services
    /// resource that allows sending); unused when the options hold a connection string.
    /// </param>
    /// <param name="logger">Gets ids and outcome codes only.</param>
    /// <param name="timeProvider">The clock of request dates and status waits; the system's if null.</param>
    /// <param name="clientOptions">Transport and diagnostics; its retries are turned off.</param>
    public AcsEmailSender(
        AcsSenderOptions options,
        TokenCredential? credential,
        ILogger<AcsEmailSender> logger,
        TimeProvider? timeProvider = null,
        AcsClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        if (string.IsNullOrWhiteSpace(options.SenderAddress))
            throw new ArgumentException("Set Notifications:Acs:SenderAddress.", nameof(options));

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _client = new AcsRestClient(options, credential, clientOptions, _time);
    }

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Validate(message);

        var operationId = RepeatabilityId.For(Purpose, message.IdempotencyKey).ToString();
        SendOutcome outcome;
        try
        {
            outcome = await SubmitAsync(message, operationId, cancellationToken);
        }
        catch (Exception exception) when (
            AcsRestClient.Unanswered(exception, cancellationToken) is { } failure)
        {
            outcome = failure;
        }

        Log.Failure(_logger, Log.Email, outcome);
        return outcome;
    }

    private async Task<SendOutcome> SubmitAsync(
        EmailMessage message, string operationId, CancellationToken cancellationToken)
    {
        using var http = _client.CreateMessage(RequestMethod.Post, "/emails:send", _options.EmailApiVersion);
        http.Request.Headers.SetValue("Operation-Id", operationId);
        http.Request.Headers.Add(HttpHeader.Common.JsonContentType);
        http.Request.Content = RequestContent.Create(Body(message));

        await _client.SendAsync(http, cancellationToken);

        var response = http.Response;
        if (response.Status is < 200 or > 299)
            return AcsOutcomes.Refused(response, _options, _time.GetUtcNow());

        var accepted = EmailOperationStatus.Read(response, _time.GetUtcNow());
        var id = Guid.TryParse(accepted.Id, out var parsed) ? parsed.ToString() : operationId;
        Log.EmailAccepted(_logger, id);
        return Verdict(id, accepted)
            ?? await AwaitVerdictAsync(id, accepted, cancellationToken);
    }

    private async Task<SendOutcome> AwaitVerdictAsync(
        string operationId, EmailOperationStatus last, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.EmailStatusWait;
        var polls = 0;
        while (polls < _options.MaxEmailStatusPolls)
        {
            var delay = last.RetryAfter ?? DefaultPollDelay;
            if (_time.GetUtcNow() + delay >= deadline)
                break;

            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, _time, cancellationToken);

            polls++;
            var (status, unavailable) = await PollAsync(operationId, cancellationToken);
            if (status is null)
            {
                Log.EmailStatusUnavailable(_logger, operationId, unavailable ?? "unknown");
                return new SendOutcome.Sent(operationId);
            }

            if (Verdict(operationId, status) is { } verdict)
                return verdict;

            last = status;
        }

        Log.EmailPending(_logger, operationId, AcsOutcomes.SafeCode(last.Status) ?? "unknown", polls);
        return new SendOutcome.Sent(operationId);
    }

    private async Task<(EmailOperationStatus? Status, string? Unavailable)> PollAsync(
        string operationId, CancellationToken cancellationToken)
    {
        try
        {
            using var http = _client.CreateMessage(RequestMethod.Get,
                "/emails/operations/" + Uri.EscapeDataString(operationId), _options.EmailApiVersion);
            await _client.SendAsync(http, cancellationToken);

            var response = http.Response;
            return response.Status == 200
                ? (EmailOperationStatus.Read(response, _time.GetUtcNow()), null)
                : (null, AcsOutcomes.Code(response.Status, AcsOutcomes.ProviderErrorCode(response)));
        }
        catch (Exception exception) when (
            AcsRestClient.Unanswered(exception, cancellationToken) is { } failure)
        {
            return (null, failure.Code);
        }
    }

    private SendOutcome? Verdict(string operationId, EmailOperationStatus status)
    {
        if (string.Equals(status.Status, "Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            Log.EmailSucceeded(_logger, operationId);
            return new SendOutcome.Sent(operationId);
        }

        if (!string.Equals(status.Status, "Failed", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(status.Status, "Canceled", StringComparison.OrdinalIgnoreCase))
            return null;

        var code = AcsOutcomes.SafeCode(status.ErrorCode) ?? status.Status!;
        Log.EmailFailed(_logger, operationId, status.Status!, code);
        return new SendOutcome.Permanent(code);
    }

    private static void Validate(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Subject, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Attachments, nameof(message));

        if (string.IsNullOrWhiteSpace(message.Html) && string.IsNullOrWhiteSpace(message.Text))
            throw new ArgumentException("The email has neither an HTML nor a text body.", nameof(message));
    }

    /// <summary>
    /// The documented EmailMessage. Engagement tracking is turned off for every email: open and click
    /// tracking of a clinic's messages would tell a third party who reads about which appointment.
    /// </summary>
    private byte[] Body(EmailMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("senderAddress", _options.SenderAddress);
            json.WriteStartObject("content");
            json.WriteString("subject", message.Subject);
            json.WriteString("plainText", message.Text);
            json.WriteString("html", message.Html);
            json.WriteEndObject();
            json.WriteStartObject("recipients");
            json.WriteStartArray("to");
            json.WriteStartObject();
            json.WriteString("address", message.To);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            WriteAttachments(json, message.Attachments);
            json.WriteBoolean("userEngagementTrackingDisabled", true);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAttachments(Utf8JsonWriter json, IReadOnlyList<EmailAttachment> attachments)
    {
        if (attachments.Count == 0)
            return;

        json.WriteStartArray("attachments");
        foreach (var attachment in attachments)
        {
            json.WriteStartObject();
            json.WriteString("name", attachment.Name);
            json.WriteString("contentType", attachment.ContentType);
            json.WriteBase64String("contentInBase64", attachment.Content);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
