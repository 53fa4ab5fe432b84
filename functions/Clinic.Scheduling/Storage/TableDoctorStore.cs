using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Storage;

/// <summary>
/// Doctors live in one partition of the Doctors table: a few hundred rows at most, listed with one
/// partition query. Rules and days off are stored with the doctor, so one read gives all a booking needs.
/// Changes replace the row only if its ETag is still the one read; <c>AvailabilityVersion</c> counts the
/// changes of the rules (rows seeded before it existed are version 1), and <c>WriteId</c> names the last
/// write: a replace whose answer was lost, retried and then refused for the new ETag knows it was its own.
/// </summary>
internal sealed class TableDoctorStore(TableClientProvider tables) : IDoctorStore
{
    private const string Partition = "doctor";
    private const string VersionColumn = "AvailabilityVersion";
    private const string WriteIdColumn = "WriteId";
    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public async Task<IReadOnlyList<Doctor>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Doctors, cancellationToken);
        var doctors = new List<Doctor>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
            cancellationToken: cancellationToken))
        {
            doctors.Add(ToDoctor(entity));
        }

        return doctors;
    }

    public async Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken) =>
        await FindEntityAsync(doctorId, cancellationToken) is { } entity ? ToDoctor(entity) : null;

    public async Task<bool> AddIfMissingAsync(Doctor doctor, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Doctors, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(doctor), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredDoctor?> FindStoredAsync(string doctorId, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(doctorId, cancellationToken);
        return entity is null
            ? null
            : new StoredDoctor(ToDoctor(entity), VersionOf(entity), entity.ETag.ToString());
    }

    public async Task<DoctorWriteOutcome> TryReplaceAsync(
        StoredDoctor current, Doctor updated, int availabilityVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);

        var table = await tables.GetAsync(SchedulingTables.Doctors, cancellationToken);
        var writeId = Guid.NewGuid().ToString("N");
        var entity = ToEntity(updated, availabilityVersion);
        entity[WriteIdColumn] = writeId;
        try
        {
            await table.UpdateEntityAsync(
                entity, new ETag(current.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken);
            return DoctorWriteOutcome.Done;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return DoctorWriteOutcome.NotFound;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            var now = await FindEntityAsync(updated.Id, cancellationToken);
            return now?.GetString(WriteIdColumn) == writeId
                ? DoctorWriteOutcome.Done
                : DoctorWriteOutcome.Changed;
        }
    }

    private async Task<TableEntity?> FindEntityAsync(string doctorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Doctors, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition, TableKey.Encode(doctorId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static int VersionOf(TableEntity entity) => entity.GetInt32(VersionColumn) ?? 1;

    private static TableEntity ToEntity(Doctor doctor, int availabilityVersion = 1) =>
        new(Partition, TableKey.Encode(doctor.Id))
        {
            ["DoctorId"] = doctor.Id,
            ["DisplayName"] = doctor.DisplayName,
            ["Specialty"] = doctor.Specialty,
            ["TimeZone"] = doctor.TimeZone.Id,
            ["SlotMinutes"] = (int)doctor.SlotLength.TotalMinutes,
            ["WeeklyAvailability"] = JsonSerializer.Serialize(doctor.WeeklyAvailability
                .Select(rule => new RuleRow(
                    rule.Day.ToString(), TimeOfDay.Format(rule.Start), TimeOfDay.Format(rule.End)))),
            ["DaysOff"] = JsonSerializer.Serialize(
                doctor.DaysOff.Order().Select(LocalDatePattern.Iso.Format)),
            [VersionColumn] = availabilityVersion,
        };

    private static Doctor ToDoctor(TableEntity entity)
    {
        var rules = JsonSerializer.Deserialize<RuleRow[]>(
            entity.GetString("WeeklyAvailability") ?? "[]") ?? [];
        var daysOff = JsonSerializer.Deserialize<string[]>(entity.GetString("DaysOff") ?? "[]") ?? [];
        return new Doctor(
            entity.GetString("DoctorId"),
            entity.GetString("DisplayName"),
            entity.GetString("Specialty"),
            DateTimeZoneProviders.Tzdb[entity.GetString("TimeZone")],
            Duration.FromMinutes(entity.GetInt32("SlotMinutes") ?? 30),
            rules.Select(rule => new WeeklyAvailability(
                Enum.Parse<IsoDayOfWeek>(rule.Day),
                TimeOfDay.Parse(rule.Start).Value,
                TimeOfDay.Parse(rule.End).Value)).ToList(),
            daysOff.Select(day => LocalDatePattern.Iso.Parse(day).Value).ToHashSet());
    }

    private sealed record RuleRow(string Day, string Start, string End);
}
