namespace Clinic.Billing.Workflows;

/// <summary>
/// The names billing's orchestrators and activities are registered and called by. The Functions wrappers
/// and the in-process Durable host use these same constants, so a name cannot drift between them.
/// </summary>
public static class BillingWorkflowNames
{
    public const string PaymentOrchestrator = "PaymentOrchestrator";
    public const string RefundOrchestrator = "RefundOrchestrator";
    public const string CancellationSettlementOrchestrator = "CancellationSettlementOrchestrator";

    public const string MarkPaymentPending = "MarkPaymentPending";
    public const string ChargePayment = "ChargePayment";
    public const string MarkPaid = "MarkPaid";
    public const string MarkPaymentFailed = "MarkPaymentFailed";
    public const string RaisePaymentAlert = "RaisePaymentAlert";
    public const string NotifyPaymentFailed = "NotifyPaymentFailed";

    public const string MarkRefundPending = "MarkRefundPending";
    public const string IssueRefund = "IssueRefund";
    public const string MarkRefunded = "MarkRefunded";
    public const string MarkRefundFailed = "MarkRefundFailed";

    public const string FindAppointmentInvoice = "FindAppointmentInvoice";
    public const string VoidInvoice = "VoidInvoice";
    public const string VoidUnissuedInvoice = "VoidUnissuedInvoice";
}
