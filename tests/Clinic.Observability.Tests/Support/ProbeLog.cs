using Clinic.Platform.Privacy;
using Microsoft.Extensions.Logging;

namespace Clinic.Observability.Tests.Support;

/// <summary>Records shaped like the modules' own: the same names, ids and levels.</summary>
internal static partial class ProbeLog
{
    [LoggerMessage(1010, LogLevel.Warning, "Access to {FunctionName} denied (probe {Marker})",
        EventName = "AccessDenied")]
    public static partial void AccessDenied(ILogger logger, string functionName, string marker);

    [LoggerMessage(3001, LogLevel.Information, "User signed in (probe {Marker})", EventName = "UserSignedIn")]
    public static partial void UserSignedIn(ILogger logger, string marker);

    [LoggerMessage(2001, LogLevel.Information, "Appointment booked by {PatientId} (probe {Marker})",
        EventName = "AppointmentBooked")]
    public static partial void PatientBooked(ILogger logger, [PersonId] string patientId, string marker);

    [LoggerMessage(2099, LogLevel.Information, "Appointment booked (probe {Marker}, {Number})",
        EventName = "AppointmentBookedProbe")]
    public static partial void AppointmentBooked(ILogger logger, string marker, int number);
}
