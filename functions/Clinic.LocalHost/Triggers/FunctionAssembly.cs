using System.Reflection;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// An assembly whose queue- and timer-triggered functions the local host runs. Registered once per assembly,
/// so a test host can add an assembly of sample functions beside, or instead of, the app's own.
/// </summary>
public sealed record FunctionAssembly(Assembly Assembly);
