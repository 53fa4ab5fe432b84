using System.Reflection;

namespace Clinic.LocalHost.Binding;

/// <summary>An HTTP-triggered function of the Functions app: its name, route, verbs and method.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    /// <summary>The route as the Functions host serves it, under its <c>api</c> prefix.</summary>
    public string Pattern => "/api/" + Route;
}
