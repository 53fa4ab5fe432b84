namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>A billing-like payload whose values must never appear in a log in clear.</summary>
public sealed record InvoicePaid(
    string InvoiceId, decimal Amount, string Currency, string CardLast4, string PaymentToken)
{
    public static InvoicePaid Sample(int number = 1) =>
        new($"inv-{number:D6}", 987_654.32m + number, "EUR", "7319", $"tok_secret_{number}_q8ZxK2");
}
