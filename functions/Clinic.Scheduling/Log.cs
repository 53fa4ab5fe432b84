using Microsoft.Extensions.Logging;

namespace Clinic.Scheduling;

/// <summary>
/// Scheduling's events, ids 2000-2099. Ids and names are stable: dashboards and alerts query them.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information,
        "Appointment {AppointmentId} booked with doctor {DoctorId} by patient {PatientPseudonym}",
        EventName = "AppointmentBooked")]
    public static partial void AppointmentBooked(
        ILogger logger, string appointmentId, string doctorId, string patientPseudonym);

    [LoggerMessage(2002, LogLevel.Information,
        "Appointment {AppointmentId} rescheduled with doctor {DoctorId} (version {Version})",
        EventName = "AppointmentRescheduled")]
    public static partial void AppointmentRescheduled(
        ILogger logger, string appointmentId, string doctorId, int version);

    [LoggerMessage(2003, LogLevel.Information, "Appointment {AppointmentId} cancelled with doctor {DoctorId}",
        EventName = "AppointmentCancelled")]
    public static partial void AppointmentCancelled(ILogger logger, string appointmentId, string doctorId);

    [LoggerMessage(2004, LogLevel.Information, "Appointment {AppointmentId} with doctor {DoctorId} completed",
        EventName = "AppointmentCompleted")]
    public static partial void AppointmentCompleted(ILogger logger, string appointmentId, string doctorId);

    [LoggerMessage(2005, LogLevel.Information,
        "Appointment {AppointmentId} with doctor {DoctorId} recorded as a no-show",
        EventName = "AppointmentNoShow")]
    public static partial void AppointmentNoShow(ILogger logger, string appointmentId, string doctorId);

    [LoggerMessage(2010, LogLevel.Information,
        "Slot of doctor {DoctorId} was taken before it could be booked",
        EventName = "SlotConflict")]
    public static partial void SlotConflict(ILogger logger, string doctorId);

    [LoggerMessage(2011, LogLevel.Information, "Booking {AppointmentId} replayed for a retried request",
        EventName = "BookingReplayed")]
    public static partial void BookingReplayed(ILogger logger, string appointmentId);

    [LoggerMessage(2020, LogLevel.Information, "Seeded {Count} demo doctors",
        EventName = "DemoDoctorsSeeded")]
    public static partial void DemoDoctorsSeeded(ILogger logger, int count);

    [LoggerMessage(2030, LogLevel.Warning,
        "Change {ChangeId} ({Kind}) was committed but not published ({ErrorType}); the outbox sweep will publish it",
        EventName = "ChangeDispatchDeferred")]
    public static partial void ChangeDispatchDeferred(
        ILogger logger, string changeId, Changes.AppointmentChangeKind kind, string errorType);

    [LoggerMessage(2031, LogLevel.Information, "Outbox sweep published {Count} changes",
        EventName = "ChangesSwept")]
    public static partial void ChangesSwept(ILogger logger, int count);

    // Debug: one per change, which the change's own event already records at Information.
    [LoggerMessage(2040, LogLevel.Debug, "Cached views tagged {Tags} invalidated ({Reason})",
        EventName = "CacheInvalidated")]
    public static partial void CacheInvalidated(
        ILogger logger, string tags, Caching.InvalidationReason reason);

    [LoggerMessage(2041, LogLevel.Warning,
        "Cached views tagged {Tags} were invalidated here but not in the second level ({ErrorType}); "
        + "other instances may serve them until they expire",
        EventName = "CacheInvalidationFailed")]
    public static partial void CacheInvalidationFailed(ILogger logger, string tags, string errorType);

    [LoggerMessage(2042, LogLevel.Warning,
        "Could not renew the Entra ID sign-in to the cache's second level ({ErrorType}); the current one "
        + "expires at {ExpiresOn}",
        EventName = "RedisSignInFailed")]
    public static partial void RedisSignInFailed(ILogger logger, string errorType, DateTimeOffset expiresOn);

    [LoggerMessage(2043, LogLevel.Warning,
        "The cache's second level is failing ({ErrorType}); lookups skip it for {BreakDuration} and read "
        + "memory and storage",
        EventName = "CacheSecondLevelUnavailable")]
    public static partial void CacheSecondLevelUnavailable(
        ILogger logger, string errorType, TimeSpan breakDuration);

    [LoggerMessage(2044, LogLevel.Information, "The cache's second level answers again",
        EventName = "CacheSecondLevelRestored")]
    public static partial void CacheSecondLevelRestored(ILogger logger);

    // The doctor id only: the display name is a person's name, and the rules say nothing a dashboard needs.
    [LoggerMessage(2050, LogLevel.Information,
        "Availability of doctor {DoctorId} changed (version {AvailabilityVersion})",
        EventName = "DoctorAvailabilityChanged")]
    public static partial void DoctorAvailabilityChanged(
        ILogger logger, string doctorId, int availabilityVersion);

    [LoggerMessage(2051, LogLevel.Information, "Public profile of doctor {DoctorId} changed",
        EventName = "DoctorProfileChanged")]
    public static partial void DoctorProfileChanged(ILogger logger, string doctorId);

    [LoggerMessage(2052, LogLevel.Information,
        "Update of doctor {DoctorId} lost to concurrent writes {Attempts} times; the request was refused",
        EventName = "DoctorUpdateConflict")]
    public static partial void DoctorUpdateConflict(ILogger logger, string doctorId, int attempts);
}
