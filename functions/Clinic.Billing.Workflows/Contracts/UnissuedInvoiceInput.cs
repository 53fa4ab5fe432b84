using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>The appointment whose invoice a cancellation records void, because none was issued yet.</summary>
public sealed record UnissuedInvoiceInput(
    string AppointmentId, [property: PersonId] string PatientId, string DoctorId);
