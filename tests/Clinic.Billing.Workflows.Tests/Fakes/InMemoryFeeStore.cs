using System.Collections.Concurrent;
using Clinic.Billing.Application;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>The fee table in memory, with the insert-only semantics of the table adapter.</summary>
internal sealed class InMemoryFeeStore : IFeeStore
{
    private readonly ConcurrentDictionary<string, DoctorFee> _fees = new(StringComparer.Ordinal);

    public Task<DoctorFee?> FindAsync(string doctorId, CancellationToken cancellationToken) =>
        Task.FromResult(_fees.GetValueOrDefault(doctorId));

    public Task<bool> AddIfMissingAsync(DoctorFee fee, CancellationToken cancellationToken) =>
        Task.FromResult(_fees.TryAdd(fee.DoctorId, fee));
}
