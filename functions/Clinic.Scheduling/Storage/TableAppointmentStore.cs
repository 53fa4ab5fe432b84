using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;
using System.Text.Json;
using Clinic.Platform.Json;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Storage;

/// <summary>
/// One partition per doctor in the Appointments table holds two kinds of rows. <c>slot_{start}</c> exists
/// while an appointment holds that slot and carries the appointment; it can only be inserted once, so two
/// appointments can never hold one slot, and a booking is a single insert. <c>appt_{id}</c> is written by
/// the first change (reschedule, cancel) and from then on is the appointment's authoritative row; every
/// change writes it and the slot rows in one entity-group transaction. PatientAppointments (a partition per
/// patient) links each patient to their appointments and to the slot first booked.
/// </summary>
internal sealed class TableAppointmentStore(TableClientProvider tables) : IAppointmentStore, IChangeOutbox
{
    private const string OutboxPrefix = "outbox_";

    /// <summary>The first key after every outbox key: '`' follows '_' in ordinal order.</summary>
    private const string OutboxEnd = "outbox`";

    private const string AppointmentPrefix = "appt_";
    private const string SlotPrefix = "slot_";
    private const string FromSlotRow = "slot:";
    private const string FromAppointmentRow = "appt:";
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
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, cancellationToken: cancellationToken))
        {
            links.Add(ToLink(patientId, entity));
            if (links.Count >= max)
                break;
        }

        return links;
    }

    public async Task<StoredAppointment?> FindAsync(PatientLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);

        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var partition = TableKey.Encode(link.DoctorId);
        var appointmentRow = table.GetEntityIfExistsAsync<TableEntity>(
            partition, AppointmentPrefix + link.AppointmentId, cancellationToken: cancellationToken);
        var bookedSlotRow = table.GetEntityIfExistsAsync<TableEntity>(
            partition, SlotRowKey(link.BookedStart), cancellationToken: cancellationToken);

        var changed = await appointmentRow;
        if (changed.HasValue)
            return Stored(changed.Value!, FromAppointmentRow);

        // Never changed: the slot first booked holds it, unless the booking never completed and someone
        // else holds that slot now.
        var booked = await bookedSlotRow;
        return booked.HasValue && booked.Value!.GetString("AppointmentId") == link.AppointmentId
            ? Stored(booked.Value, FromSlotRow)
            : null;
    }

    public async Task<WriteOutcome> BookAsync(
        Appointment appointment, AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var actions = new[]
        {
            new TableTransactionAction(
                TableTransactionActionType.Add, ToEntity(appointment, SlotRowKey(appointment.Start))),
            AddToOutbox(change),
        };
        return await SubmitAsync(appointment.DoctorId, actions, slotActionIndex: 0, cancellationToken);
    }

    public async Task<WriteOutcome> MoveAsync(
        StoredAppointment current, Appointment moved, AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var actions = new[]
        {
            FreeSlot(current),
            new TableTransactionAction(
                TableTransactionActionType.Add, ToEntity(moved, SlotRowKey(moved.Start))),
            WriteAppointmentRow(current, moved),
            AddToOutbox(change),
        };
        return await SubmitAsync(moved.DoctorId, actions, slotActionIndex: 1, cancellationToken);
    }

    public async Task<WriteOutcome> CancelAsync(
        StoredAppointment current,
        Appointment cancelled,
        AppointmentChange change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var actions = new[] { FreeSlot(current), WriteAppointmentRow(current, cancelled), AddToOutbox(change) };
        return await SubmitAsync(cancelled.DoctorId, actions, slotActionIndex: -1, cancellationToken);
    }

    public async Task<IReadOnlyList<AppointmentChange>> ListPendingAsync(
        DateTimeOffset committedBefore, int max, CancellationToken cancellationToken)
    {
        // Every doctor's partition is searched: outbox rows are few and short-lived, but the filter still scans
        // the table (docs/architecture.md, "Notifications", says what that costs and what would replace it).
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxPrefix} and RowKey lt {OutboxEnd} and CommittedAt lt {committedBefore}");
        var pending = new List<AppointmentChange>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(JsonSerializer.Deserialize<AppointmentChange>(entity.GetString("Change"), ClinicJson.Options)!);
            if (pending.Count >= max)
                break;
        }

        return pending.OrderBy(change => change.OccurredAt).ToList();
    }

    public async Task RemoveAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(
                TableKey.Encode(change.DoctorId), OutboxPrefix + change.Id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Published and removed by another dispatcher already.
        }
    }

    private static TableTransactionAction AddToOutbox(AppointmentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);

        var row = new TableEntity(TableKey.Encode(change.DoctorId), OutboxPrefix + change.Id)
        {
            ["Change"] = JsonSerializer.Serialize(change, ClinicJson.Options),
            ["CommittedAt"] = change.OccurredAt,
        };
        return new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    public async Task<StoredAppointment?> FindForDoctorAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var partition = TableKey.Encode(doctorId);
        var changed = await table.GetEntityIfExistsAsync<TableEntity>(
            partition, AppointmentPrefix + appointmentId, cancellationToken: cancellationToken);
        if (changed.HasValue)
            return Stored(changed.Value!, FromAppointmentRow);

        // Never changed, so only its slot row knows it: one filtered query within this doctor's partition.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and AppointmentId eq {appointmentId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(SlotPrefix, StringComparison.Ordinal))
                return Stored(entity, FromSlotRow);
        }

        return null;
    }

    public async Task<WriteOutcome> RecordOutcomeAsync(
        StoredAppointment current, Appointment recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (source, etag) = Parse(current.ConcurrencyToken);
        var actions = new[]
        {
            new TableTransactionAction(
                TableTransactionActionType.UpdateReplace,
                ToEntity(recorded, SlotRowKey(recorded.Start)),
                source == FromSlotRow ? etag : ETag.All),
            WriteAppointmentRow(current, recorded),
        };
        return await SubmitAsync(recorded.DoctorId, actions, slotActionIndex: -1, cancellationToken);
    }

    public async Task<IReadOnlyList<BookedSlot>> ListBookedAsync(
        string doctorId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(SchedulingTables.Appointments, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Encode(doctorId)} and RowKey ge {SlotRowKey(from)} and RowKey lt {
                SlotRowKey(to)}");
        var slots = new List<BookedSlot>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, cancellationToken: cancellationToken))
        {
            slots.Add(ToBookedSlot(entity));
        }

        return slots;
    }

    private async Task<WriteOutcome> SubmitAsync(
        string doctorId,
        TableTransactionAction[] actions,
        int slotActionIndex,
        CancellationToken cancellationToken)
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

    /// <summary>
    /// Deletes the slot row the appointment holds. Read from that row, its version guards the change; read
    /// from the appointment row, that row's version (checked in the same transaction) does.
    /// </summary>
    private static TableTransactionAction FreeSlot(StoredAppointment current)
    {
        var (source, etag) = Parse(current.ConcurrencyToken);
        var slot = new TableEntity(
            TableKey.Encode(current.Appointment.DoctorId), SlotRowKey(current.Appointment.Start));
        return new TableTransactionAction(
            TableTransactionActionType.Delete, slot, source == FromSlotRow ? etag : ETag.All);
    }

    /// <summary>
    /// The first change adds the appointment row (failing if a concurrent change did); later ones replace it.
    /// </summary>
    private static TableTransactionAction WriteAppointmentRow(StoredAppointment current, Appointment changed)
    {
        var (source, etag) = Parse(current.ConcurrencyToken);
        var row = ToEntity(changed, AppointmentPrefix + changed.Id);
        return source == FromSlotRow
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag);
    }

    private static StoredAppointment Stored(TableEntity entity, string source) =>
        new(ToAppointment(entity), source + entity.ETag);

    private static (string Source, ETag ETag) Parse(string token)
    {
        var source = token.StartsWith(FromSlotRow, StringComparison.Ordinal)
            ? FromSlotRow
            : FromAppointmentRow;
        return (source, new ETag(token[source.Length..]));
    }

    private static TableEntity ToEntity(Appointment appointment, string rowKey) =>
        new(TableKey.Encode(appointment.DoctorId), rowKey)
        {
            ["AppointmentId"] = appointment.Id,
            ["DoctorId"] = appointment.DoctorId,
            ["PatientId"] = appointment.PatientId,
            ["StartUtc"] = appointment.Start.ToDateTimeOffset(),
            ["EndUtc"] = appointment.End.ToDateTimeOffset(),
            ["Status"] = appointment.Status.ToString(),
            ["Version"] = appointment.Version,
            ["CreatedAt"] = appointment.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = appointment.UpdatedAt.ToDateTimeOffset(),
            ["Note"] = appointment.Note,
        };

    private static TableEntity ToEntity(PatientLink link) =>
        new(TableKey.Encode(link.PatientId), link.AppointmentId)
        {
            ["DoctorId"] = link.DoctorId,
            ["BookedStartUtc"] = link.BookedStart.ToDateTimeOffset(),
            ["RequestFingerprint"] = link.RequestFingerprint,
        };

    private static string SlotRowKey(Instant start) => SlotPrefix + SlotKeyPattern.Format(start);

    private static Appointment ToAppointment(TableEntity entity) => new(
        entity.GetString("AppointmentId"),
        entity.GetString("DoctorId"),
        entity.GetString("PatientId"),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("StartUtc")!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("EndUtc")!.Value),
        Enum.Parse<AppointmentStatus>(entity.GetString("Status")),
        entity.GetInt32("Version") ?? 1,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt")!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt")!.Value),
        entity.GetString("Note"));

    private static BookedSlot ToBookedSlot(TableEntity entity) => new(
        entity.GetString("AppointmentId"),
        entity.GetString("PatientId"),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("StartUtc")!.Value),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("EndUtc")!.Value),
        entity.GetString("Note"),
        Enum.TryParse<AppointmentStatus>(entity.GetString("Status"), out var status)
            ? status
            : AppointmentStatus.Booked,
        entity.GetInt32("Version") ?? 1);

    private static PatientLink ToLink(string patientId, TableEntity entity) => new(
        patientId,
        entity.RowKey,
        entity.GetString("DoctorId"),
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("BookedStartUtc")!.Value),
        entity.GetString("RequestFingerprint"));
}
