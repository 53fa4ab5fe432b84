using System.Text.RegularExpressions;
using Clinic.Billing.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Billing.Tests.Logging;

/// <summary>
/// Runs issue, a successful payment and a declined one through the service and reads every record the
/// loggers received: no amount, token, card digits or patient id may appear in any of them in plain text.
/// </summary>
public sealed class BillingLogCaptureTests
{
    private const string Patient = "patient-7f3c";

    [Fact]
    public async Task BillingFlow_everyRecord_carriesNoPlaintextPaymentData()
    {
        using var harness = await BillingHarness.SeededAsync();
        var paidInvoice = (await harness.Service.IssueForAppointmentAsync(
            "appt-1", Patient, "dr-noah-fischer", default)).Value!;
        var failedInvoice = (await harness.Service.IssueForAppointmentAsync(
            "appt-2", Patient, "dr-noah-fischer", default)).Value!;

        await harness.Payments.PayAsync(Patient, paidInvoice.Id, "tok_approve", "pay-1", default);
        await harness.Payments.PayAsync(Patient, failedInvoice.Id, "tok_decline", "pay-2", default);

        var records = harness.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Name == "PaymentSucceeded");
        Assert.Contains(records, r => r.Id.Name == "PaymentFailed");
        Assert.Contains(records, r => r.Id.Name == "PaymentSucceededDetails");
        string[] secrets = ["85.25", "8525", "tok_approve", "tok_decline", "4242", Patient];
        var leaked = records.SelectMany(r => Leaks(Text(r), secrets).Select(s => $"{r.Id}: {s}"));
        Assert.Empty(leaked);
    }

    private static string Text(FakeLogRecord record) =>
        string.Join("\n", new[] { record.Message }.Concat(
            record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? []));

    /// <summary>
    /// A secret counts as leaked when it stands alone, not inside a longer run of base64url or hex characters
    /// (short values such as four digits occur there by chance).
    /// </summary>
    private static IEnumerable<string> Leaks(string text, IEnumerable<string> secrets) =>
        secrets.Where(secret => Regex.IsMatch(text,
            $"(?<![A-Za-z0-9+/_-]){Regex.Escape(secret)}(?![A-Za-z0-9+/=_-])", RegexOptions.None,
            TimeSpan.FromSeconds(1)));
}
