using Clinic.Billing.Workflows.Activities;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows;

public static class BillingWorkflowRegistration
{
    /// <summary>
    /// Registers billing's orchestrators and activities under <see cref="BillingWorkflowNames"/>. Activities
    /// are created from the worker's services: they need billing (<c>AddBilling</c>), an <c>IAlertSink</c> and
    /// an <c>IPaymentFailureNotifier</c>.
    /// </summary>
    public static DurableTaskRegistry AddBillingWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        return registry
            .AddOrchestrator<PaymentOrchestrator>(BillingWorkflowNames.PaymentOrchestrator)
            .AddOrchestrator<RefundOrchestrator>(BillingWorkflowNames.RefundOrchestrator)
            .AddOrchestrator<CancellationSettlementOrchestrator>(
                BillingWorkflowNames.CancellationSettlementOrchestrator)
            .AddActivity<MarkPaymentPendingActivity>(BillingWorkflowNames.MarkPaymentPending)
            .AddActivity<ChargePaymentActivity>(BillingWorkflowNames.ChargePayment)
            .AddActivity<MarkPaidActivity>(BillingWorkflowNames.MarkPaid)
            .AddActivity<MarkPaymentFailedActivity>(BillingWorkflowNames.MarkPaymentFailed)
            .AddActivity<RaisePaymentAlertActivity>(BillingWorkflowNames.RaisePaymentAlert)
            .AddActivity<NotifyPaymentFailedActivity>(BillingWorkflowNames.NotifyPaymentFailed)
            .AddActivity<MarkRefundPendingActivity>(BillingWorkflowNames.MarkRefundPending)
            .AddActivity<IssueRefundActivity>(BillingWorkflowNames.IssueRefund)
            .AddActivity<MarkRefundedActivity>(BillingWorkflowNames.MarkRefunded)
            .AddActivity<MarkRefundFailedActivity>(BillingWorkflowNames.MarkRefundFailed)
            .AddActivity<FindAppointmentInvoiceActivity>(BillingWorkflowNames.FindAppointmentInvoice)
            .AddActivity<VoidInvoiceActivity>(BillingWorkflowNames.VoidInvoice)
            .AddActivity<VoidUnissuedInvoiceActivity>(BillingWorkflowNames.VoidUnissuedInvoice);
    }
}
