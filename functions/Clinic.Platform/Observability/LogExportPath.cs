namespace Clinic.Platform.Observability;

/// <summary>The two ways a log record leaves the app; each has its own exporter instance.</summary>
public enum LogExportPath
{
    /// <summary>Critical and security records, sent within a second of being logged.</summary>
    Immediate,

    /// <summary>Routine records, sent in batches by interval or by size.</summary>
    Batched,
}
