using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;
using Clinic.Platform.Json;
using Clinic.Platform.Security.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Platform.Security.Tests;

public sealed class EncryptedEventLogTests
{
    private static readonly EventId InvoicePaidEvent = new(4001, "InvoicePaid");
    private static readonly EventId PaymentDeclinedEvent = new(4002, "PaymentDeclined");

    private readonly CountingKeyWrapper _wrapper = new();
    private readonly FakeLogger _logger = new();

    [Fact]
    public void Write_billingPayload_noPayloadValueReachesAnyMessageOrField()
    {
        var log = CreateLog(_wrapper);
        var payload = InvoicePaid.Sample();

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, payload, "corr-1");

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal(2, records.Count);
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState!.Select(p => p.Value));
            Assert.Empty(Leaks.Find(text, Leaks.ValuesOf(payload)));
            Assert.DoesNotContain(payload.PaymentToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_billingPayload_recordKeepsTheBillingEventIdAndCarriesOnlyEnvelopeFields()
    {
        var log = CreateLog(_wrapper);

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, InvoicePaid.Sample(), "corr-1");

        var record = _logger.LatestRecord;
        Assert.Equal(InvoicePaidEvent, record.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(
            ["EventName", "CorrelationId", "KeyId", "KeyRef", "Nonce", "Ciphertext", "{OriginalFormat}"],
            record.StructuredState!.Select(p => p.Key));
        Assert.Equal("InvoicePaid", record.GetStructuredStateValue("EventName"));
        Assert.Equal("corr-1", record.GetStructuredStateValue("CorrelationId"));
        Assert.Equal(_wrapper.KeyId, record.GetStructuredStateValue("KeyId"));
        Assert.Matches("^[0-9a-f]{16}$", record.GetStructuredStateValue("KeyRef"));
        Assert.NotEmpty(record.GetStructuredStateValue("Ciphertext")!);
    }

    [Fact]
    public void Write_severalRecordsUnderOneDataKey_announceTheWrappedKeyOnceBeforeTheFirst()
    {
        var log = CreateLog(_wrapper);

        for (var i = 0; i < 3; i++)
            log.Write(_logger, LogLevel.Information, InvoicePaidEvent, InvoicePaid.Sample(i), "corr-1");

        var records = _logger.Collector.GetSnapshot();
        var announcement = Assert.Single(records, r => r.Id.Name == "BillingDataKeyAnnounced");
        Assert.Same(announcement, records[0]);
        Assert.Equal(
            records[1].GetStructuredStateValue("KeyRef"), announcement.GetStructuredStateValue("KeyRef"));
        Assert.Equal(Base64Url.EncodeToString(_wrapper.Issued.Single().Value),
            announcement.GetStructuredStateValue("WrappedKey"));
        Assert.Equal("RSA-OAEP-256", announcement.GetStructuredStateValue("Algorithm"));
    }

    [Fact]
    public void Write_moreSevereRecordLater_announcesTheKeyAgainAtItsLevel()
    {
        var log = CreateLog(_wrapper);

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, InvoicePaid.Sample(1), "corr-1");
        log.Write(_logger, LogLevel.Warning, PaymentDeclinedEvent, InvoicePaid.Sample(2), "corr-2");
        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, InvoicePaid.Sample(3), "corr-3");

        var announcements = _logger.Collector.GetSnapshot()
            .Where(r => r.Id.Name == "BillingDataKeyAnnounced");
        Assert.Equal([LogLevel.Information, LogLevel.Warning], announcements.Select(r => r.Level));
    }

    [Fact]
    public async Task Write_capturedRecords_decryptToTheOriginalPayload()
    {
        using var folder = new TempFolder();
        using var localKey = LocalRsaKeyWrapper.OpenOrCreate(folder.File("key.pem"));
        var log = CreateLog(localKey);
        var payload = InvoicePaid.Sample(42);

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, payload, "corr-42");
        var plaintext = await DecryptLatestAsync(localKey);

        Assert.Equal(payload, JsonSerializer.Deserialize<InvoicePaid>(plaintext, ClinicJson.Options));
    }

    [Fact]
    public void Write_levelFilteredOut_encryptsAndLogsNothing()
    {
        var log = CreateLog(_wrapper);
        _logger.ControlLevel(LogLevel.Debug, enabled: false);

        log.Write(_logger, LogLevel.Debug, InvoicePaidEvent, InvoicePaid.Sample(), "corr-1");

        Assert.Empty(_logger.Collector.GetSnapshot());
        Assert.Equal(0, _wrapper.Wraps);
    }

    [Fact]
    public void Write_noCorrelationId_usesTheCurrentTraceId()
    {
        var log = CreateLog(_wrapper);
        using var activity = new Activity("billing-test").SetIdFormat(ActivityIdFormat.W3C).Start();

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, InvoicePaid.Sample());

        Assert.Equal(
            activity.TraceId.ToHexString(), _logger.LatestRecord.GetStructuredStateValue("CorrelationId"));
    }

    [Fact]
    public void Write_noDataKeyAvailable_logsThatTheEventWasNotLoggedAndNoPayload()
    {
        var log = CreateLog(_wrapper);
        var payload = InvoicePaid.Sample();
        _wrapper.Failing = true;

        log.Write(_logger, LogLevel.Information, InvoicePaidEvent, payload, "corr-1");

        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("BillingEventNotLogged", record.Id.Name);
        Assert.Equal("InvoicePaid", record.GetStructuredStateValue("EventName"));
        Assert.Empty(Leaks.Find(record.Message, Leaks.ValuesOf(payload)));
    }

    [Fact]
    public void Write_eventIdWithoutName_isRefused()
    {
        var log = CreateLog(_wrapper);

        Assert.Throws<ArgumentException>(
            () => log.Write(_logger, LogLevel.Information, new EventId(4001), InvoicePaid.Sample(), "c"));
    }

    private static EncryptedEventLog CreateLog(IKeyWrapper wrapper) =>
        new(new EnvelopeEncryptor(RingFactory.Create(wrapper)));

    private async Task<byte[]> DecryptLatestAsync(IKeyWrapper wrapper)
    {
        var records = _logger.Collector.GetSnapshot();
        var record = records[^1];
        var announcement = records.Single(r => r.Id.Name == "BillingDataKeyAnnounced");
        var wrapped = new WrappedKey(announcement.GetStructuredStateValue("KeyId")!,
            announcement.GetStructuredStateValue("Algorithm")!,
            Base64Url.DecodeFromChars(announcement.GetStructuredStateValue("WrappedKey")!));
        var dataKey = await new DataKeyUnwrapCache(wrapper)
            .GetAsync(record.GetStructuredStateValue("KeyRef")!, wrapped, CancellationToken.None);
        var sealedPayload = new EncryptedPayload(record.GetStructuredStateValue("KeyId")!,
            record.GetStructuredStateValue("KeyRef")!, record.GetStructuredStateValue("Nonce")!,
            record.GetStructuredStateValue("Ciphertext")!);
        return EnvelopeEncryptor.Decrypt(dataKey, record.GetStructuredStateValue("EventName")!,
            record.GetStructuredStateValue("CorrelationId")!, sealedPayload);
    }
}
