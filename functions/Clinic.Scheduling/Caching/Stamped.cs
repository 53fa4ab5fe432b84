using System.ComponentModel;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// A cached value with the stamp of the storage read that produced it. Marked immutable, so the memory level
/// hands out the stored instance instead of a deserialized copy: nothing may change a cached value.
/// </summary>
[ImmutableObject(true)]
public sealed record Stamped<T>(T Value, CacheStamp Stamp);
