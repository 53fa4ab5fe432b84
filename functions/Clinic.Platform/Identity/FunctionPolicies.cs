using System.Reflection;

namespace Clinic.Platform.Identity;

public static class FunctionPolicies
{
    /// <summary>
    /// The policy a function method declares, or null when it declares none (and is refused).
    /// </summary>
    public static AccessPolicy? Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.GetCustomAttribute<FunctionAccessAttribute>()?.Policy;
    }
}
