namespace Clinic.Functions.Billing;

/// <summary>What a doctor sees of an appointment's payment: its state only.</summary>
public sealed record DoctorPaymentStatusResponse(string AppointmentId, string InvoiceId, string Status);
