namespace Clinic.Platform.Identity;

/// <summary>Declares, next to the function itself, which callers it admits.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FunctionAccessAttribute(AccessPolicy policy) : Attribute
{
    public AccessPolicy Policy { get; } = policy;
}
