using Clinic.Platform.Privacy;

namespace Clinic.Billing.Application;

/// <summary>The index row that finds an appointment's invoice with one point read.</summary>
public sealed record InvoiceLink(
    string AppointmentId, string InvoiceId, [property: PersonId] string PatientId, string DoctorId);
