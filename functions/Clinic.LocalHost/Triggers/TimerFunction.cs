using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Triggers;

/// <summary>A timer-triggered function: its name, method and the trigger's schedule settings.</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, TimerTriggerAttribute Trigger);
