using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Identity;
using Clinic.Platform.Security;
using Microsoft.Extensions.Logging;

namespace Clinic.LogAuditor;

/// <summary>
/// The auditor's whole run: check that every file can take an audit record, unwrap each data key once,
/// decrypt every encrypted billing record to stdout, then record the run in each file and on stderr.
/// </summary>
public static class AuditorCommand
{
    public const int Succeeded = 0;
    public const int SomeRecordsFailed = 1;
    public const int NothingDone = 2;

    private const string Category = "Clinic.LogAuditor";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var options = AuditorOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync();
            await error.WriteLineAsync(AuditorOptions.Usage);
            return NothingDone;
        }

        var trails = OpenAuditTrails(options.LogFiles, error);
        if (trails is null)
            return NothingDone;

        var key = OpenKey(options, error);
        try
        {
            return key is null ? NothingDone : await AuditAsync(key, trails, output, error);
        }
        finally
        {
            (key as IDisposable)?.Dispose();
            foreach (var trail in trails.Values)
                await trail.DisposeAsync();
        }
    }

    /// <summary>
    /// A use of the logs that cannot be recorded in them does not happen: every file is opened for appending
    /// before anything is decrypted.
    /// </summary>
    private static Dictionary<string, StreamWriter>? OpenAuditTrails(
        IReadOnlyList<string> files, TextWriter error)
    {
        var trails = new Dictionary<string, StreamWriter>(StringComparer.Ordinal);
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (!File.Exists(file))
                    throw new FileNotFoundException("No such log file.", file);

                var stream = new FileStream(
                    file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                trails[file] = new StreamWriter(stream, Utf8NoBom);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine(
                    $"{file}: cannot append the audit record ({exception.Message}); nothing decrypted.");
                foreach (var trail in trails.Values)
                    trail.Dispose();

                return null;
            }
        }

        return trails;
    }

    private static IKeyWrapper? OpenKey(AuditorOptions options, TextWriter error)
    {
        try
        {
            if (options.LocalKeyPath is not null)
                return LocalRsaKeyWrapper.Open(options.LocalKeyPath);

            var keyOptions = new KeyVaultKeyOptions { KeyId = options.KeyVaultKeyId };
            return new KeyVaultKeyWrapper(keyOptions, new DefaultAzureCredential());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
            or ArgumentException or CryptographicException)
        {
            error.WriteLine($"Cannot use the key: {exception.Message}");
            return null;
        }
    }

    private static async Task<int> AuditAsync(
        IKeyWrapper key,
        Dictionary<string, StreamWriter> trails,
        TextWriter output,
        TextWriter error)
    {
        var contents = new List<LogFileContents>();
        foreach (var file in trails.Keys)
            contents.Add(await LogFileReader.ReadAsync(file, CancellationToken.None));

        // A data key announced in yesterday's file can seal records in today's: keys are pooled.
        var announced = contents.SelectMany(c => c.AnnouncedKeys)
            .DistinctBy(pair => pair.Key)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var decryptor = new RecordDecryptor(new DataKeyUnwrapCache(key), announced);
        var anyFailed = false;
        foreach (var file in contents)
        {
            // Recorded even when the run breaks off: what was printed by then was read.
            var tally = new Tally();
            try
            {
                await DecryptFileAsync(file, decryptor, tally, output, error);
            }
            finally
            {
                Record(key.KeyId, file, tally, trails[file.Path], error);
            }

            anyFailed |= tally.Failed > 0;
        }

        return anyFailed ? SomeRecordsFailed : Succeeded;
    }

    private static async Task DecryptFileAsync(
        LogFileContents file, RecordDecryptor decryptor, Tally tally, TextWriter output, TextWriter error)
    {
        foreach (var record in file.Records)
        {
            var (plaintext, reason) = await decryptor.DecryptAsync(record);
            if (plaintext is null)
            {
                tally.Failed++;
                await error.WriteLineAsync($"{Path.GetFileName(file.Path)}:{record.LineNumber}: {reason}");
                continue;
            }

            tally.Decrypted++;
            await output.WriteLineAsync(PlaintextLine(record, plaintext));
        }
    }

    private static string PlaintextLine(EncryptedRecord record, byte[] plaintext)
    {
        using var payload = JsonDocument.Parse(plaintext);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteIfPresent(json, "Timestamp", record.Timestamp);
            WriteIfPresent(json, "EventId", record.EventId);
            WriteIfPresent(json, "LogLevel", record.LogLevel);
            WriteIfPresent(json, "Category", record.Category);
            json.WriteString(BillingLogFields.EventName, record.EventName);
            json.WriteString(BillingLogFields.CorrelationId, record.CorrelationId);
            json.WriteString(BillingLogFields.KeyRef, record.Payload.KeyRef);
            json.WritePropertyName("Payload");
            payload.RootElement.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, JsonElement? value)
    {
        if (value is not { } element)
            return;

        json.WritePropertyName(name);
        element.WriteTo(json);
    }

    private static void Record(
        string keyId, LogFileContents file, Tally tally, StreamWriter trail, TextWriter error)
    {
        // A writer stopped mid-line would otherwise swallow the audit record into its broken line.
        if (!EndsWithNewline(file.Path))
            trail.WriteLine();

        using var factory = LoggerFactory.Create(logging => logging
            .AddProvider(new JsonLinesLoggerProvider(error))
            .AddProvider(new JsonLinesLoggerProvider(trail, file.Shape)));
        Log.AuditorDecryptedBillingLogs(factory.CreateLogger(Category), Environment.UserName, tally.Decrypted,
            Path.GetFileName(file.Path), keyId, tally.Failed);
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
            return true;

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>What one file's run did so far.</summary>
    private sealed class Tally
    {
        public int Decrypted { get; set; }

        public int Failed { get; set; }
    }
}
