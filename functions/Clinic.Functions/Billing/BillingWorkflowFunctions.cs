using Clinic.Billing.Workflows;
using Clinic.Billing.Workflows.Activities;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Functions.Billing;

/// <summary>
/// The Functions host's entry points to billing's orchestrators and activities. The generator that would write
/// them is not available, and the classes stay in Clinic.Billing.Workflows (one project with these wrappers
/// crashes the Durable analyzer), so each wrapper only delegates. None of them is reachable over HTTP: the
/// access policy is declared, as on every function, and never consulted.
/// </summary>
public sealed class BillingWorkflowFunctions(IServiceProvider services)
{
    [Function(BillingWorkflowNames.PaymentOrchestrator)]
    public static Task<WorkflowOutcome> RunPaymentOrchestrator(
        [OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PaymentOrchestrator().RunAsync(context, context.GetInput<PaymentWorkflowInput>()!);
    }

    [Function(BillingWorkflowNames.RefundOrchestrator)]
    public static Task<WorkflowOutcome> RunRefundOrchestrator(
        [OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RefundOrchestrator().RunAsync(context, context.GetInput<RefundWorkflowInput>()!);
    }

    [Function(BillingWorkflowNames.CancellationSettlementOrchestrator)]
    public static Task<WorkflowOutcome> RunCancellationSettlementOrchestrator(
        [OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CancellationSettlementOrchestrator().RunAsync(context, context.GetInput<SettlementInput>()!);
    }

    [Function(BillingWorkflowNames.MarkPaymentPending)]
    public Task<InvoiceStep> MarkPaymentPending(
        [ActivityTrigger] PaymentAttemptRef input, FunctionContext context) =>
        Run<MarkPaymentPendingActivity, PaymentAttemptRef, InvoiceStep>(
            BillingWorkflowNames.MarkPaymentPending, input, context);

    [Function(BillingWorkflowNames.ChargePayment)]
    public Task<GatewayAnswer> ChargePayment([ActivityTrigger] ChargeInput input, FunctionContext context) =>
        Run<ChargePaymentActivity, ChargeInput, GatewayAnswer>(BillingWorkflowNames.ChargePayment, input, context);

    [Function(BillingWorkflowNames.MarkPaid)]
    public Task<InvoiceStep> MarkPaid([ActivityTrigger] RecordPaidInput input, FunctionContext context) =>
        Run<MarkPaidActivity, RecordPaidInput, InvoiceStep>(BillingWorkflowNames.MarkPaid, input, context);

    [Function(BillingWorkflowNames.MarkPaymentFailed)]
    public Task<InvoiceStep> MarkPaymentFailed(
        [ActivityTrigger] RecordPaymentFailureInput input, FunctionContext context) =>
        Run<MarkPaymentFailedActivity, RecordPaymentFailureInput, InvoiceStep>(
            BillingWorkflowNames.MarkPaymentFailed, input, context);

    [Function(BillingWorkflowNames.RaisePaymentAlert)]
    public Task<bool> RaisePaymentAlert([ActivityTrigger] BillingAlertInput input, FunctionContext context) =>
        Run<RaisePaymentAlertActivity, BillingAlertInput, bool>(
            BillingWorkflowNames.RaisePaymentAlert, input, context);

    [Function(BillingWorkflowNames.NotifyPaymentFailed)]
    public Task<bool> NotifyPaymentFailed([ActivityTrigger] InvoiceRef input, FunctionContext context) =>
        Run<NotifyPaymentFailedActivity, InvoiceRef, bool>(BillingWorkflowNames.NotifyPaymentFailed, input, context);

    [Function(BillingWorkflowNames.MarkRefundPending)]
    public Task<InvoiceStep> MarkRefundPending([ActivityTrigger] InvoiceRef input, FunctionContext context) =>
        Run<MarkRefundPendingActivity, InvoiceRef, InvoiceStep>(
            BillingWorkflowNames.MarkRefundPending, input, context);

    [Function(BillingWorkflowNames.IssueRefund)]
    public Task<GatewayAnswer> IssueRefund([ActivityTrigger] IssueRefundInput input, FunctionContext context) =>
        Run<IssueRefundActivity, IssueRefundInput, GatewayAnswer>(BillingWorkflowNames.IssueRefund, input, context);

    [Function(BillingWorkflowNames.MarkRefunded)]
    public Task<InvoiceStep> MarkRefunded([ActivityTrigger] RecordRefundInput input, FunctionContext context) =>
        Run<MarkRefundedActivity, RecordRefundInput, InvoiceStep>(BillingWorkflowNames.MarkRefunded, input, context);

    [Function(BillingWorkflowNames.MarkRefundFailed)]
    public Task<InvoiceStep> MarkRefundFailed(
        [ActivityTrigger] RecordFailureInput input, FunctionContext context) =>
        Run<MarkRefundFailedActivity, RecordFailureInput, InvoiceStep>(
            BillingWorkflowNames.MarkRefundFailed, input, context);

    [Function(BillingWorkflowNames.FindAppointmentInvoice)]
    public Task<AppointmentInvoice> FindAppointmentInvoice(
        [ActivityTrigger] string appointmentId, FunctionContext context) =>
        Run<FindAppointmentInvoiceActivity, string, AppointmentInvoice>(
            BillingWorkflowNames.FindAppointmentInvoice, appointmentId, context);

    [Function(BillingWorkflowNames.VoidInvoice)]
    public Task<InvoiceStep> VoidInvoice([ActivityTrigger] VoidInvoiceInput input, FunctionContext context) =>
        Run<VoidInvoiceActivity, VoidInvoiceInput, InvoiceStep>(BillingWorkflowNames.VoidInvoice, input, context);

    [Function(BillingWorkflowNames.VoidUnissuedInvoice)]
    public Task<AppointmentInvoice> VoidUnissuedInvoice(
        [ActivityTrigger] UnissuedInvoiceInput input, FunctionContext context) =>
        Run<VoidUnissuedInvoiceActivity, UnissuedInvoiceInput, AppointmentInvoice>(
            BillingWorkflowNames.VoidUnissuedInvoice, input, context);

    private Task<TOutput> Run<TActivity, TInput, TOutput>(string name, TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);

        var activity = ActivatorUtilities.CreateInstance<TActivity>(services);
        return activity.RunAsync(new FunctionActivityContext(name, context), input);
    }
}
