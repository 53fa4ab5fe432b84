using Clinic.Billing.Application;
using Clinic.Platform.Errors;
using Clinic.Platform.Privacy;

namespace Clinic.Billing.Domain;

/// <summary>
/// What a patient owes for one appointment. Its id is derived from the appointment id, so issuing twice for
/// one appointment names the same invoice. Card data is limited to the last four digits, and only once paid.
/// <see cref="PaymentAttemptId"/> names the payment attempt (its orchestration's instance id) that moved the
/// invoice to payment-pending: while it is pending, only that attempt may charge or record the outcome.
/// </summary>
public sealed record Invoice(
    string Id,
    string AppointmentId,
    [property: PersonId] string PatientId,
    string DoctorId,
    Money Amount,
    InvoiceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    [property: PaymentData] string? CardLast4 = null,
    string? PaymentReference = null,
    string? FailureCode = null,
    string? PaymentAttemptId = null)
{
    public static Invoice Issue(
        string appointmentId, string patientId, string doctorId, Money amount, DateTimeOffset now) =>
        new(InvoiceIds.ForAppointment(appointmentId), appointmentId, patientId, doctorId, amount,
            InvoiceStatus.Open, now, now, 1);

    /// <summary>
    /// The invoice of an appointment cancelled before its invoice was issued: void from the start, so that
    /// nothing can charge it and the issue that follows leaves it void.
    /// </summary>
    public static Invoice IssueVoid(
        string appointmentId, string patientId, string doctorId, Money amount, DateTimeOffset now) =>
        Issue(appointmentId, patientId, doctorId, amount, now) with { Status = InvoiceStatus.Void };

    /// <summary>
    /// True while a payment attempt other than <paramref name="paymentAttemptId"/> holds the invoice pending.
    /// </summary>
    public bool HasPaymentInFlightOtherThan(string paymentAttemptId) =>
        Status == InvoiceStatus.PaymentPending && PaymentAttemptId != paymentAttemptId;

    /// <summary>
    /// Whether payment attempt <paramref name="paymentAttemptId"/> may go on: an open invoice, or one whose
    /// payment failed (a retry with another card), takes any attempt; a paid, refunded or void one only the
    /// attempt that last held it, whose resubmission joins what it started instead of charging again.
    /// </summary>
    public bool IsPayableBy(string paymentAttemptId) =>
        InvoiceTransitions.CanMove(Status, InvoiceStatus.PaymentPending) || PaymentAttemptId == paymentAttemptId;

    /// <summary>This invoice in <paramref name="status"/>, or a failure if the move is not allowed.</summary>
    public Result<Invoice> MoveTo(InvoiceStatus status, DateTimeOffset now)
    {
        if (!InvoiceTransitions.CanMove(Status, status))
            return BillingFailures.IllegalTransition(Status, status);

        return this with { Status = status, UpdatedAt = now, Version = Version + 1 };
    }
}
