namespace Clinic.Billing.Application;

/// <summary>The fee table: one fee per doctor.</summary>
public interface IFeeStore
{
    Task<DoctorFee?> FindAsync(string doctorId, CancellationToken cancellationToken);

    /// <summary>Adds the fee unless the doctor has one; true when it was added.</summary>
    Task<bool> AddIfMissingAsync(DoctorFee fee, CancellationToken cancellationToken);
}
