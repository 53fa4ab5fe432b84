using Clinic.Billing.Domain;

namespace Clinic.Billing.Application;

/// <summary>What a doctor may know of an appointment's payment: its state, no payment details.</summary>
public sealed record DoctorPaymentStatus(string AppointmentId, string InvoiceId, InvoiceStatus Status);
