using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Clinic.Platform.Json;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Binds a queue function's parameters as the isolated worker does: the message (text, bytes, the SDK's
/// message, or a JSON object in the app's one set of JSON conventions), the message's binding data by
/// parameter name (<c>dequeueCount</c>, <c>id</c>, <c>popReceipt</c>, <c>queueTrigger</c>,
/// <c>insertionTime</c>, <c>expirationTime</c>, <c>nextVisibleTime</c>), and the cancellation token.
/// </summary>
public static class QueueMessageBinders
{
    public static ParameterBinder<QueueMessage>? For(ParameterInfo parameter, QueueFunction function)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(function);

        if (parameter.Position == function.TriggerParameter.Position)
            return Message(parameter.ParameterType);
        if (parameter.ParameterType == typeof(CancellationToken))
            return (_, cancellationToken) => cancellationToken;

        return BindingData(parameter.Name ?? "", parameter.ParameterType);
    }

    private static ParameterBinder<QueueMessage> Message(Type type)
    {
        if (type == typeof(string))
            return (message, _) => message.Body.ToString();
        if (type == typeof(BinaryData))
            return (message, _) => message.Body;
        if (type == typeof(byte[]))
            return (message, _) => message.Body.ToArray();
        if (type == typeof(QueueMessage))
            return (message, _) => message;

        // A body that does not fit the type throws here, inside the invocation: a failed attempt, as in
        // Azure.
        return (message, _) =>
            JsonSerializer.Deserialize(message.Body.ToMemory().Span, type, ClinicJson.Options);
    }

    private static ParameterBinder<QueueMessage>? BindingData(string name, Type type)
    {
        if (Is(name, "dequeueCount") && type == typeof(long))
            return (message, _) => message.DequeueCount;
        if (Is(name, "dequeueCount") && type == typeof(int))
            return (message, _) => checked((int)message.DequeueCount);
        if (type == typeof(string))
            return TextBindingData(name);
        if (type == typeof(DateTimeOffset?) || type == typeof(DateTimeOffset))
            return TimeBindingData(name);

        return null;
    }

    private static ParameterBinder<QueueMessage>? TextBindingData(string name)
    {
        if (Is(name, "id"))
            return (message, _) => message.MessageId;
        if (Is(name, "popReceipt"))
            return (message, _) => message.PopReceipt;
        if (Is(name, "queueTrigger"))
            return (message, _) => message.Body.ToString();

        return null;
    }

    private static ParameterBinder<QueueMessage>? TimeBindingData(string name)
    {
        if (Is(name, "insertionTime"))
            return (message, _) => message.InsertedOn;
        if (Is(name, "expirationTime"))
            return (message, _) => message.ExpiresOn;
        if (Is(name, "nextVisibleTime"))
            return (message, _) => message.NextVisibleOn;

        return null;
    }

    private static bool Is(string name, string bindingDataName) =>
        string.Equals(name, bindingDataName, StringComparison.OrdinalIgnoreCase);
}
