namespace Clinic.Scheduling.Caching;

/// <summary>The names the cache's hits and misses are counted under (the metric tag <c>view</c>).</summary>
public static class CacheViews
{
    public const string DoctorList = "doctor-list";

    public const string Doctor = "doctor";

    public const string Slots = "slots";

    /// <summary>The slots a doctor's rules offer on a day, before held ones are taken out.</summary>
    public const string SlotOffers = "slot-offers";

    public const string DoctorDay = "doctor-day";
}
