using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Identity;

/// <summary>
/// Carries the caller that the access gate confirmed to the function, for this request only.
/// </summary>
public static class CallerContext
{
    private static readonly object ItemKey = new();

    public static void Set(HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = caller;
    }

    /// <summary>The confirmed caller; only functions whose policy is not anonymous may ask.</summary>
    public static Caller Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) && value is Caller caller
            ? caller
            : throw new InvalidOperationException("No confirmed caller: the function's policy is anonymous.");
    }
}
