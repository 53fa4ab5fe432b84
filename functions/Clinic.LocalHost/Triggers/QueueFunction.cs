using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// A queue-triggered function: its name, method, trigger parameter and the trigger's settings.
/// </summary>
public sealed record QueueFunction(
    string Name, MethodInfo Method, ParameterInfo TriggerParameter, QueueTriggerAttribute Trigger);
