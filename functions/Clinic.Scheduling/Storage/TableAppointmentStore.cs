using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Storage;

/// <summary>
/// One partition per doctor in the Appointments table holds two kinds of rows: <c>appt_{id}</c>, the
/// appointment, and <c>slot_{start}</c>, present while an appointment holds that slot. A slot row can only be
/// inserted once, and every change writes both kinds in one entity-group transaction, so two appointments can
/// never hold one slot. PatientAppointments (one partition per patient) links patients to their appointments.
/// </summary>
internal sealed class TableAppointmentStore(TableClientProvider tables) : IAppointmentStore
{
    private const string AppointmentPrefix = "appt_";
    private const string SlotPrefix = "slot_";
    private static readonly InstantPattern SlotKeyPattern =
        InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    public async Task<PatientLink?> AddPatientLinkAsync(PatientLink link, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.PatientAppointments, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(link), cancellationToken);
            return null;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await FindPatientLinkAsync(link.PatientId, link.AppointmentId, cancellationToken);
        }
    }

    public async Task RemovePatientLinkAsync(PatientLink link, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.PatientAppointments, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(
                TableKey.Encode(link.PatientId), link.AppointmentId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone: the goal of the call is met.
        }
    }

    public async Task<PatientLink?> FindPatientLinkAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.PatientAppointments, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(patientId), appointmentId, cancellationToken: cancellationToken);
        return response.HasValue ? ToLink(patientId, response.Value!) : null;
    }

    public async Task<IReadOnlyList<PatientLink>> ListPatientLinksAsync(
        string patientId, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.PatientAppointments, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(patientId)}");
        var links = new List<PatientLink>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            links.Add(ToLink(patientId, entity));
            if (links.Count >= max)
                break;
        }

        return links;
    }

    public async Task<StoredAppointment?> FindAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(doctorId), AppointmentPrefix + appointmentId, cancellationToken: cancellationToken);
        return response.HasValue
            ? new StoredAppointment(ToAppointment(doctorId, response.Value!), response.Value!.ETag.ToString())
            : null;
    }

    public async Task<WriteOutcome> BookAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, ToSlotEntity(appointment)),
            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(appointment)),
        };
        return await SubmitAsync(appointment.DoctorId, actions, slotActionIndex: 0, cancellationToken);
    }

    public async Task<WriteOutcome> MoveAsync(
        StoredAppointment current, Appointment moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var actions = new[]
        {
            new TableTransactionAction(
                TableTransactionActionType.Delete, SlotKey(current.Appointment), ETag.All),
            new TableTransactionAction(TableTransactionActionType.Add, ToSlotEntity(moved)),
            new TableTransactionAction(
                TableTransactionActionType.UpdateReplace, ToEntity(moved), new ETag(current.ConcurrencyToken)),
        };
        return await SubmitAsync(moved.DoctorId, actions, slotActionIndex: 1, cancellationToken);
    }

    public async Task<WriteOutcome> CancelAsync(
        StoredAppointment current, Appointment cancelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var actions = new[]
        {
            new TableTransactionAction(
                TableTransactionActionType.Delete, SlotKey(current.Appointment), ETag.All),
            new TableTransactionAction(
                TableTransactionActionType.UpdateReplace, ToEntity(cancelled), new ETag(current.ConcurrencyToken)),
        };
        return await SubmitAsync(cancelled.DoctorId, actions, slotActionIndex: -1, cancellationToken);
    }

    public async Task<IReadOnlyList<BookedSlot>> ListBookedAsync(
        string doctorId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(doctorId)} and RowKey ge {SlotRowKey(from)} and RowKey lt {SlotRowKey(to)}");
        var slots = new List<BookedSlot>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            slots.Add(ToBookedSlot(entity));
        return slots;
    }

    private async Task<WriteOutcome> SubmitAsync(
        string doctorId, TableTransactionAction[] actions, int slotActionIndex, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return WriteOutcome.Done;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return exception.FailedTransactionActionIndex == slotActionIndex && exception.Status == 409
                ? WriteOutcome.SlotTaken
                : WriteOutcome.Conflict;
        }
    }

    private static TableEntity ToEntity(Appointment appointment) =>
        new(TableKey.Encode(appointment.DoctorId), AppointmentPrefix + appointment.Id)
        {
            ["PatientId"] = appointment.PatientId,
            ["StartUtc"] = appointment.Start.ToDateTimeOffset(),
            ["EndUtc"] = appointment.End.ToDateTimeOffset(),
            ["Status"] = appointment.Status.ToString(),
            ["Version"] = appointment.Version,
            ["CreatedAt"] = appointment.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = appointment.UpdatedAt.ToDateTimeOffset(),
        };

    private static TableEntity ToSlotEntity(Appointment appointment) =>
        new(TableKey.Encode(appointment.DoctorId), SlotRowKey(appointment.Start))
        {
            ["AppointmentId"] = appointment.Id,
            ["PatientId"] = appointment.PatientId,
            ["EndUtc"] = appointment.End.ToDateTimeOffset(),
        };

    private static TableEntity ToEntity(PatientLink link) =>
        new(TableKey.Encode(link.PatientId), link.AppointmentId)
        {
            ["DoctorId"] = link.DoctorId,
            ["RequestFingerprint"] = link.RequestFingerprint,
        };

    private static TableEntity SlotKey(Appointment appointment) =>
        new(TableKey.Encode(appointment.DoctorId), SlotRowKey(appointment.Start));

    private static string SlotRowKey(Instant start) => SlotPrefix + SlotKeyPattern.Format(start);

    private static Appointment ToAppointment(string doctorId, TableEntity entity) => new(
        entity.RowKey[AppointmentPrefix.Length..],
        doctorId,
        entity.GetString("PatientId"),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("StartUtc")!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("EndUtc")!.Value),
        Enum.Parse<AppointmentStatus>(entity.GetString("Status")),
        entity.GetInt32("Version") ?? 1,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt")!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt")!.Value));

    private static BookedSlot ToBookedSlot(TableEntity entity) => new(
        entity.GetString("AppointmentId"),
        entity.GetString("PatientId"),
        SlotKeyPattern.Parse(entity.RowKey[SlotPrefix.Length..]).Value,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("EndUtc")!.Value));

    private static PatientLink ToLink(string patientId, TableEntity entity) => new(
        patientId, entity.RowKey, entity.GetString("DoctorId"), entity.GetString("RequestFingerprint"));
}
