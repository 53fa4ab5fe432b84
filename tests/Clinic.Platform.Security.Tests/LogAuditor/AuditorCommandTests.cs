using System.Text.Json;
using Clinic.LogAuditor;
using Clinic.Platform.Json;
using Clinic.Platform.Privacy;
using Clinic.Platform.Security.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Compact;

namespace Clinic.Platform.Security.Tests.LogAuditor;

public sealed class AuditorCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_consoleJsonLog_printsEveryRecordDecryptedAndAppendsTheAuditRecord()
    {
        var logFile = _folder.File("billing.jsonl");
        var payloads = WriteConsoleJsonLog(logFile, events: 5);
        var before = await File.ReadAllTextAsync(logFile);

        var exitCode = await AuditorCommand.RunAsync([logFile, "--local-key", KeyPath], _output, _error);

        Assert.Equal(AuditorCommand.Succeeded, exitCode);
        Assert.Empty(Leaks.Find(before, payloads.SelectMany(Leaks.ValuesOf)));
        Assert.Equal(payloads, DecryptedPayloads());
        var first = JsonDocument.Parse(OutputLines()[0]).RootElement;
        Assert.Equal(4001, first.GetProperty("EventId").GetInt32());
        Assert.Equal("InvoicePaid", first.GetProperty("EventName").GetString());
        Assert.Equal("corr-0", first.GetProperty("CorrelationId").GetString());
        Assert.Equal("Clinic.Billing", first.GetProperty("Category").GetString());
        AssertAuditRecord(LastLine(logFile), decrypted: 5, failed: 0, "billing.jsonl");
        AssertAuditRecord(_error.ToString().Trim(), decrypted: 5, failed: 0, "billing.jsonl");
    }

    [Fact]
    public async Task RunAsync_compactJsonLogOfTheLocalHost_decryptsEveryRecord()
    {
        var logFile = _folder.File("clinic-20261203.jsonl");
        var payloads = BillingLogWriter.Write(_folder.Path, KeyPath, events: 4, logging =>
        {
            // As the local host logs: redaction on, then Serilog's compact JSON lines in a file.
            logging.Services.Configure<PrivacyOptions>(
                privacy => privacy.PseudonymKey = Convert.ToBase64String(new byte[32]));
            logging.AddClinicRedaction();
            logging.AddSerilog(new LoggerConfiguration().MinimumLevel.Verbose()
                .WriteTo.File(new RenderedCompactJsonFormatter(), logFile).CreateLogger(), dispose: true);
        });

        var exitCode = await AuditorCommand.RunAsync([logFile, "--local-key", KeyPath], _output, _error);

        Assert.Equal(AuditorCommand.Succeeded, exitCode);
        Assert.Equal(payloads, DecryptedPayloads());
        var first = JsonDocument.Parse(OutputLines()[0]).RootElement;
        Assert.Equal("Clinic.Billing", first.GetProperty("Category").GetString());
        Assert.True(first.TryGetProperty("Timestamp", out _));
        var audit = JsonDocument.Parse(LastLine(logFile)).RootElement;
        Assert.Equal("Warning", audit.GetProperty("@l").GetString());
        Assert.Equal(
            "AuditorDecryptedBillingLogs", audit.GetProperty("EventId").GetProperty("Name").GetString());
        AssertAuditRecord(LastLine(logFile), decrypted: 4, failed: 0, "clinic-20261203.jsonl");
    }

    [Fact]
    public async Task RunAsync_anotherLocalKey_decryptsNothingExitsOneAndStillRecordsTheRun()
    {
        var logFile = _folder.File("billing.jsonl");
        WriteConsoleJsonLog(logFile, events: 3);
        // A valid key file, but not the key that wrapped these data keys.
        LocalRsaKeyWrapper.OpenOrCreate(_folder.File("other.pem")).Dispose();

        var exitCode = await AuditorCommand.RunAsync(
            [logFile, "--local-key", _folder.File("other.pem")], _output, _error);

        Assert.Equal(AuditorCommand.SomeRecordsFailed, exitCode);
        Assert.Empty(OutputLines());
        AssertAuditRecord(LastLine(logFile), decrypted: 0, failed: 3, "billing.jsonl");
    }

    [Fact]
    public async Task RunAsync_recordMovedToAnotherCorrelation_reportsThatLineAndDecryptsTheRest()
    {
        var logFile = _folder.File("billing.jsonl");
        WriteConsoleJsonLog(logFile, events: 3);
        var lines = await File.ReadAllLinesAsync(logFile);
        var target = Array.FindLastIndex(lines, l => l.Contains("\"Ciphertext\"", StringComparison.Ordinal));
        lines[target] = lines[target].Replace("corr-2", "corr-9", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(logFile, lines);

        var exitCode = await AuditorCommand.RunAsync([logFile, "--local-key", KeyPath], _output, _error);

        Assert.Equal(AuditorCommand.SomeRecordsFailed, exitCode);
        Assert.Equal(2, OutputLines().Length);
        Assert.Contains($"billing.jsonl:{target + 1}: the record does not authenticate", _error.ToString(),
            StringComparison.Ordinal);
        AssertAuditRecord(LastLine(logFile), decrypted: 2, failed: 1, "billing.jsonl");
    }

    [Fact]
    public async Task RunAsync_dataKeyAnnouncedInAnEarlierFile_decryptsWhenBothFilesAreGiven()
    {
        var logFile = _folder.File("billing.jsonl");
        var payloads = WriteConsoleJsonLog(logFile, events: 4);
        var lines = await File.ReadAllLinesAsync(logFile);
        var yesterday = _folder.File("billing-yesterday.jsonl");
        // The ring's BillingDataKeyIssued, the billing logger's announcement, then the first record.
        await File.WriteAllLinesAsync(yesterday, lines.Take(3));
        await File.WriteAllLinesAsync(logFile, lines.Skip(3));

        var exitCode = await AuditorCommand.RunAsync(
            [yesterday, logFile, "--local-key", KeyPath], _output, _error);

        Assert.Equal(AuditorCommand.Succeeded, exitCode);
        Assert.Equal(payloads, DecryptedPayloads());
        AssertAuditRecord(LastLine(yesterday), decrypted: 1, failed: 0, "billing-yesterday.jsonl");
        AssertAuditRecord(LastLine(logFile), decrypted: 3, failed: 0, "billing.jsonl");
    }

    [Fact]
    public async Task RunAsync_fileEndingInAHalfWrittenLine_putsTheAuditRecordOnALineOfItsOwn()
    {
        var logFile = _folder.File("billing.jsonl");
        WriteConsoleJsonLog(logFile, events: 2);
        await File.AppendAllTextAsync(logFile, "{\"Timestamp\":\"2026-12-03T10:");

        var exitCode = await AuditorCommand.RunAsync([logFile, "--local-key", KeyPath], _output, _error);

        Assert.Equal(AuditorCommand.Succeeded, exitCode);
        AssertAuditRecord(LastLine(logFile), decrypted: 2, failed: 0, "billing.jsonl");
    }

    [Theory]
    [InlineData("--local-key")]
    [InlineData("--key-vault-key-id", "https://kv.vault.azure.net/keys/k/1", "--local-key", "k.pem")]
    [InlineData("--unknown")]
    public async Task RunAsync_badArguments_exitsTwoAndLeavesTheFileUntouched(params string[] options)
    {
        var logFile = _folder.File("billing.jsonl");
        WriteConsoleJsonLog(logFile, events: 1);
        var before = await File.ReadAllTextAsync(logFile);

        var exitCode = await AuditorCommand.RunAsync([logFile, .. options], _output, _error);

        Assert.Equal(AuditorCommand.NothingDone, exitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(logFile));
        Assert.Contains("Usage:", _error.ToString(), StringComparison.Ordinal);
    }

    private string KeyPath => _folder.File("keys/billing-log-key.pem");

    private IReadOnlyList<InvoicePaid> WriteConsoleJsonLog(string logFile, int events)
    {
        using var writer = new StreamWriter(logFile);
        return BillingLogWriter.Write(_folder.Path, KeyPath, events,
            logging => logging.AddProvider(new JsonLinesLoggerProvider(writer)));
    }

    private string[] OutputLines() => _output.ToString()
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private List<InvoicePaid> DecryptedPayloads() =>
        [.. OutputLines().Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Payload")
            .Deserialize<InvoicePaid>(ClinicJson.Options)!)];

    private static string LastLine(string file) => File.ReadAllLines(file).Last(l => l.Length > 0);

    private static void AssertAuditRecord(string line, int decrypted, int failed, string fileName)
    {
        var record = JsonDocument.Parse(line).RootElement;
        var compact = record.TryGetProperty("@t", out _);
        var fields = compact ? record : record.GetProperty("State");
        var eventId = record.GetProperty("EventId");
        Assert.Equal(1110, compact ? eventId.GetProperty("Id").GetInt32() : eventId.GetInt32());
        var category = record.GetProperty(compact ? "SourceContext" : "Category");
        Assert.Equal("Clinic.LogAuditor", category.GetString());
        Assert.Equal(Environment.UserName, fields.GetProperty("Operator").GetString());
        Assert.Equal(decrypted, fields.GetProperty("Decrypted").GetInt32());
        Assert.Equal(failed, fields.GetProperty("Failed").GetInt32());
        Assert.Equal(fileName, fields.GetProperty("InputFile").GetString());
        Assert.StartsWith("local:", fields.GetProperty("KeyId").GetString(), StringComparison.Ordinal);
    }
}
