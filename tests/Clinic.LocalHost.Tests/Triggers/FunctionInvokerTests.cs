using System.Reflection;
using Azure.Storage.Queues.Models;
using Clinic.LocalHost.Tests.Samples;
using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class FunctionInvokerTests
{
    [Fact]
    public void Invoker_forAParameterItCannotBind_refusesNamingFunctionAndParameter()
    {
        var function = QueueFunctionOf(nameof(UnrunnableFunctions.Unbindable));

        var failure = Assert.Throws<InvalidOperationException>(() => InvokerOf(function));

        Assert.Contains("SampleUnbindable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'client'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoker_forAFunctionWithAReturnValue_refusesIt()
    {
        var function = QueueFunctionOf(nameof(UnrunnableFunctions.WithOutput));

        var failure = Assert.Throws<InvalidOperationException>(() => InvokerOf(function));

        Assert.Contains("SampleWithOutput", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoker_whenTheFunctionThrows_passesItsOwnExceptionOn()
    {
        var function = TriggerFunctionCatalog.DescribeQueueFunction(
            typeof(FailingQueueFunction).GetMethod(nameof(FailingQueueFunction.Run))!)!;
        await using var services = new ServiceCollection()
            .AddSingleton<InvocationRecorder>()
            .BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var message = QueuesModelFactory.QueueMessage("id-1", "receipt", "body", dequeueCount: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => InvokerOf(function).InvokeAsync(scopes, message, CancellationToken.None));
    }

    [Fact]
    public void TimerRunner_forAFunctionWithoutTimerInfo_refusesIt()
    {
        var method = typeof(UnrunnableFunctions).GetMethod(nameof(UnrunnableFunctions.TimerWithText))!;
        var function = TriggerFunctionCatalog.DescribeTimerFunction(method)!;

        var failure = Assert.Throws<InvalidOperationException>(() => new TimerRunner(
            function, CronTimerSchedule.Parse(SampleSettings.EverySecond, function.Name),
            new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

        Assert.Contains("SampleTimerWithText", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_ofTheSampleAssembly_findsExportedFunctionsOnly()
    {
        var assemblies = new[] { typeof(FunctionInvokerTests).Assembly };

        var queues = TriggerFunctionCatalog.DiscoverQueueFunctions(assemblies).Select(f => f.Name).Order();
        var timers = TriggerFunctionCatalog.DiscoverTimerFunctions(assemblies).Select(f => f.Name).Order();

        Assert.Equal(
            [
                BytesQueueFunction.Name, FailingQueueFunction.Name, FlakyQueueFunction.Name,
                PocoQueueFunction.Name, ScopedQueueFunction.Name, TextQueueFunction.Name,
            ],
            queues);
        Assert.Equal(
            [
                FailingTimerFunction.Name, SlowTimerFunction.Name, StartupTimerFunction.Name,
                TickTimerFunction.Name,
            ],
            timers);
    }

    private static QueueFunction QueueFunctionOf(string methodName) =>
        TriggerFunctionCatalog.DescribeQueueFunction(
            typeof(UnrunnableFunctions).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)!)!;

    private static FunctionInvoker<QueueMessage> InvokerOf(QueueFunction function) =>
        new(function.Name, function.Method, parameter => QueueMessageBinders.For(parameter, function));
}
