namespace Clinic.Notifications;

internal static class AssemblyMarker;
