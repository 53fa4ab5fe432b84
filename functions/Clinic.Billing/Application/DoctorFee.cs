using Clinic.Billing.Domain;

namespace Clinic.Billing.Application;

/// <summary>What one doctor charges for an appointment.</summary>
public sealed record DoctorFee(string DoctorId, Money Fee);
