using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Sends text messages with the Azure Communication Services REST operation Send (<c>POST /sms</c>),
/// api-version 2021-03-07, over Azure.Core's pipeline.
/// </summary>
/// <remarks>
/// Repeats: the recipient carries a <c>repeatabilityRequestId</c> made from the idempotency key and a
/// <c>repeatabilityFirstSent</c> from <see cref="SmsMessage.FirstAttemptAt"/>, which that API version
/// documents so that the service answers a repeated request without sending again. The answer is per
/// recipient even when the request is accepted: a recipient refused with 400 (an invalid number, say) is
/// permanent, one with 5xx transient, as for whole requests.
/// </remarks>
public sealed class AcsSmsSender : ISmsSender
{
    private const string Purpose = "sms";

    private readonly AcsSenderOptions _options;
    private readonly AcsRestClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <param name="options">Endpoint or connection string, sending number, timeouts.</param>
    /// <param name="credential">
    /// For Entra authentication (the managed identity in Azure); unused when the options hold a connection
    /// string.
    /// </param>
    /// <param name="logger">Gets ids and outcome codes only.</param>
    /// <param name="timeProvider">The clock of request dates; the system clock if null.</param>
    /// <param name="clientOptions">Transport and diagnostics; its retries are turned off.</param>
    public AcsSmsSender(
        AcsSenderOptions options,
        TokenCredential? credential,
        ILogger<AcsSmsSender> logger,
        TimeProvider? timeProvider = null,
        AcsClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        if (string.IsNullOrWhiteSpace(options.FromNumber))
            throw new ArgumentException("Set Notifications:Acs:FromNumber.", nameof(options));

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _client = new AcsRestClient(options, credential, clientOptions, _time);
    }

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));

        SendOutcome outcome;
        try
        {
            outcome = await SubmitAsync(message, cancellationToken);
        }
        catch (Exception exception) when (
            AcsRestClient.Unanswered(exception, cancellationToken) is { } failure)
        {
            outcome = failure;
        }

        Log.Failure(_logger, Log.Sms, outcome);
        return outcome;
    }

    private async Task<SendOutcome> SubmitAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var requestId = RepeatabilityId.For(Purpose, message.IdempotencyKey).ToString();
        using var http = _client.CreateMessage(RequestMethod.Post, "/sms", _options.SmsApiVersion);
        http.Request.Headers.Add(HttpHeader.Common.JsonContentType);
        http.Request.Content = RequestContent.Create(
            Body(message, requestId, message.FirstAttemptAt ?? _time.GetUtcNow()));

        await _client.SendAsync(http, cancellationToken);

        var response = http.Response;
        var now = _time.GetUtcNow();
        if (response.Status is < 200 or > 299)
            return AcsOutcomes.Refused(response, _options, now);

        var (successful, status, messageId) = ReadRecipient(response);
        if (successful)
        {
            var id = messageId ?? requestId;
            Log.SmsAccepted(_logger, id);
            return new SendOutcome.Sent(id);
        }

        // A recipient's error message is free text and may quote the number: only its status is kept.
        return status is null
            ? new SendOutcome.Transient(AcsOutcomes.Code(response.Status, "UnreadableResult"))
            : AcsOutcomes.FromStatus(status.Value, null,
                () => AcsOutcomes.RetryAfter(response.Headers, _options, now));
    }

    private byte[] Body(SmsMessage message, string requestId, DateTimeOffset firstSent)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("from", _options.FromNumber);
            json.WriteStartArray("smsRecipients");
            json.WriteStartObject();
            json.WriteString("to", message.To);
            json.WriteString("repeatabilityRequestId", requestId);
            json.WriteString("repeatabilityFirstSent", AcsRestClient.HttpDate(firstSent));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("message", message.Text);
            json.WriteStartObject("smsSendOptions");
            json.WriteBoolean("enableDeliveryReport", _options.EnableDeliveryReport);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The one recipient's result: <c>value[0]</c> of the documented SmsSendResponse.</summary>
    private static (bool Successful, int? Status, string? MessageId) ReadRecipient(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            if (!document.RootElement.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
                return (false, null, null);

            var item = value[0];
            var successful = item.TryGetProperty("successful", out var flag)
                && flag.ValueKind == JsonValueKind.True;
            int? status = item.TryGetProperty("httpStatusCode", out var c) && c.TryGetInt32(out var code)
                ? code
                : null;
            var messageId = item.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
            return (successful, status, messageId);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return (false, null, null);
        }
    }
}
