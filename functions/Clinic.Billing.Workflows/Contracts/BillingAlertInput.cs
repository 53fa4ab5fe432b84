namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// A critical alert about an invoice: ids and codes only, never amounts, tokens or patients. The correlation
/// id is the orchestration's instance id, which leads to its history.
/// </summary>
public sealed record BillingAlertInput(string EventName, string InvoiceId, string FailureCode, string CorrelationId);
