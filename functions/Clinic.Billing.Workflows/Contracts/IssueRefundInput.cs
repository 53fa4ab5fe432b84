namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// One refund; <paramref name="GatewayKey"/> is the same on every retry, so the provider refunds once.
/// </summary>
public sealed record IssueRefundInput(string PatientId, string InvoiceId, string GatewayKey);
