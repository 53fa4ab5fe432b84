namespace Clinic.Scheduling.Caching;

/// <summary>The names the cache's hits and misses are counted under (the metric tag <c>view</c>).</summary>
public static class CacheViews
{
    public const string DoctorList = "doctor-list";

    public const string Doctor = "doctor";

    /// <summary>A slot search: the free slots of a doctor over a range of days.</summary>
    public const string Slots = "slots";

    /// <summary>The held slots of one day, read for a slot search whose range was not cached.</summary>
    public const string SlotDays = "slot-days";

    /// <summary>The slots a doctor's rules offer on a day, before held ones are taken out.</summary>
    public const string SlotOffers = "slot-offers";

    public const string DoctorDay = "doctor-day";
}
