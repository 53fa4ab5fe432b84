using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Clinic.Functions.Billing;

/// <summary>The activity context a hand-written wrapper gives the activity class it delegates to.</summary>
internal sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
}
