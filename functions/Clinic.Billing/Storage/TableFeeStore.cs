using Azure;
using Azure.Data.Tables;
using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Platform.Storage;

namespace Clinic.Billing.Storage;

/// <summary>
/// The Fees table: one small partition <c>fee</c>, a row per doctor, the amount in minor units (Azure Tables
/// have no decimal type, and integers cannot round).
/// </summary>
internal sealed class TableFeeStore(TableClientProvider tables) : IFeeStore
{
    private const string Partition = "fee";

    public async Task<DoctorFee?> FindAsync(string doctorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.Fees, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition, TableKey.Encode(doctorId), cancellationToken: cancellationToken);
        if (!row.HasValue)
            return null;

        var entity = row.Value!;
        return new DoctorFee(doctorId,
            Money.FromMinorUnits(entity.GetInt64("AmountMinor")!.Value, entity.GetString("Currency")));
    }

    public async Task<bool> AddIfMissingAsync(DoctorFee fee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fee);

        var table = await tables.GetAsync(BillingTables.Fees, cancellationToken);
        var entity = new TableEntity(Partition, TableKey.Encode(fee.DoctorId))
        {
            ["DoctorId"] = fee.DoctorId,
            ["AmountMinor"] = fee.Fee.ToMinorUnits(),
            ["Currency"] = fee.Fee.Currency,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }
}
