namespace Clinic.LogAuditor;

/// <summary>The two JSON-lines shapes of Clinic logs.</summary>
public enum LogShape
{
    /// <summary>The console logger's JSON formatter: metadata, <c>Message</c>, <c>State</c>.</summary>
    ConsoleJson,

    /// <summary>Serilog's compact JSON (CLEF): <c>@t</c>, <c>@m</c>, <c>@l</c>, fields at the top.</summary>
    CompactJson,
}
