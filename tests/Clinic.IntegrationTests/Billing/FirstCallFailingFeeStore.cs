using Clinic.Billing.Application;

namespace Clinic.IntegrationTests.Billing;

/// <summary>The real fee table, except that its first read fails, as a storage fault at booking would.</summary>
internal sealed class FirstCallFailingFeeStore(IFeeStore inner) : IFeeStore
{
    private int _reads;

    public Task<DoctorFee?> FindAsync(string doctorId, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _reads) == 1
            ? throw new TimeoutException("The fee table did not answer (injected).")
            : inner.FindAsync(doctorId, cancellationToken);

    public Task<bool> AddIfMissingAsync(DoctorFee fee, CancellationToken cancellationToken) =>
        inner.AddIfMissingAsync(fee, cancellationToken);
}
