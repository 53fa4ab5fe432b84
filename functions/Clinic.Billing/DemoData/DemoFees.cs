using Clinic.Billing.Application;
using Clinic.Billing.Domain;

namespace Clinic.Billing.DemoData;

/// <summary>
/// Fictional fees for the demo doctors of scheduling (DemoDoctors), each in the currency of the doctor's
/// city, so that local runs exercise two-decimal and zero-decimal currencies.
/// </summary>
public static class DemoFees
{
    public static IReadOnlyList<DoctorFee> All { get; } =
    [
        new("dr-amelia-hart", Money.Of(180.00m, "USD")),
        new("dr-grace-okafor", Money.Of(95.50m, "USD")),
        new("dr-rohan-mehta", Money.Of(1500.00m, "INR")),
        new("dr-claire-dubois", Money.Of(60.00m, "EUR")),
        new("dr-noah-fischer", Money.Of(85.25m, "EUR")),
        new("dr-kenji-sato", Money.Of(5000m, "JPY")),
        new("dr-lucia-romero", Money.Of(220.00m, "USD")),
    ];
}
