using System.ComponentModel;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// When a cached value was read from storage: by which process (<paramref name="Origin"/>), after how many of
/// that process's invalidations (<paramref name="Sequence"/>), and at what UTC time.
/// </summary>
[ImmutableObject(true)]
public sealed record CacheStamp(Guid Origin, long Sequence, DateTimeOffset ReadAt);
