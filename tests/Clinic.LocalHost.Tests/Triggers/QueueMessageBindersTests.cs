using System.Reflection;
using Azure.Storage.Queues.Models;
using Clinic.LocalHost.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class QueueMessageBindersTests
{
    private static readonly DateTimeOffset Inserted = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly QueueMessage Message = QueuesModelFactory.QueueMessage(
        "id-7", "receipt-7", new BinaryData("body"), dequeueCount: 4, nextVisibleOn: Inserted.AddMinutes(10),
        insertedOn: Inserted, expiresOn: Inserted.AddDays(7));

    [Theory]
    [InlineData(nameof(WithLongCount), "dequeueCount", 4L)]
    [InlineData(nameof(WithIntCount), "dequeueCount", 4)]
    [InlineData(nameof(WithLongCount), "id", "id-7")]
    [InlineData(nameof(WithLongCount), "popReceipt", "receipt-7")]
    [InlineData(nameof(WithIntCount), "queueTrigger", "body")]
    public void BindingData_byParameterName_comesFromTheMessage(
        string method, string parameter, object expected)
    {
        var argument = Bind(method, parameter);

        Assert.Equal(expected, argument);
    }

    [Fact]
    public void BindingData_times_comeFromTheMessage()
    {
        Assert.Equal(Inserted, Bind(nameof(WithLongCount), "insertionTime"));
        Assert.Equal(Inserted.AddDays(7), Bind(nameof(WithLongCount), "expirationTime"));
        Assert.Equal(Inserted.AddMinutes(10), Bind(nameof(WithLongCount), "nextVisibleTime"));
    }

    [Fact]
    public void Trigger_asQueueMessage_isTheMessageItself()
    {
        var argument = Bind(nameof(WithLongCount), "message");

        Assert.Same(Message, argument);
    }

    [Fact]
    public void BindingData_ofAnUnknownName_isNotBound()
    {
        var (function, parameters) = Describe(nameof(WithUnknown));

        var binder = QueueMessageBinders.For(parameters[1], function);

        Assert.Null(binder);
    }

    private static object? Bind(string method, string parameterName)
    {
        var (function, parameters) = Describe(method);
        var parameter = parameters.Single(p => p.Name == parameterName);
        return QueueMessageBinders.For(parameter, function)!(Message, CancellationToken.None);
    }

    private static (QueueFunction Function, ParameterInfo[] Parameters) Describe(string name)
    {
        var method = typeof(QueueMessageBindersTests)
            .GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
        var parameters = method.GetParameters();
        return (new QueueFunction(name, method, parameters[0], new QueueTriggerAttribute("q")), parameters);
    }

    private static void WithLongCount(
        QueueMessage message, long dequeueCount, string id, string popReceipt, DateTimeOffset? insertionTime,
        DateTimeOffset? expirationTime, DateTimeOffset nextVisibleTime)
    {
    }

    private static void WithIntCount(string message, int dequeueCount, string queueTrigger)
    {
    }

    private static void WithUnknown(string message, string somethingElse)
    {
    }
}
