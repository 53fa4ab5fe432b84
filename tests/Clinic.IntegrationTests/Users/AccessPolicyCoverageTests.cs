using System.Reflection;
using Clinic.Functions;
using Clinic.Platform.Identity;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.IntegrationTests.Users;

/// <summary>
/// Every HTTP function declares who may call it; anonymous access is a short, explicit list. Functions with
/// other triggers (orchestrations, activities) cannot be called over HTTP and need no policy.
/// </summary>
public sealed class AccessPolicyCoverageTests
{
    private static readonly string[] AnonymousFunctions = ["AssignRoles", "GetDoctorSlots", "ListDoctors"];

    [Fact]
    public void EveryFunction_declaresAnAccessPolicy()
    {
        var functions = Functions().ToList();

        var undeclared = functions
            .Where(f => FunctionPolicies.Of(f.Method) is null)
            .Select(f => f.Name)
            .ToList();

        Assert.NotEmpty(functions);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void AnonymousFunctions_areExactlyThePublicOnes()
    {
        var anonymous = Functions()
            .Where(f => FunctionPolicies.Of(f.Method) == AccessPolicy.Anonymous)
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(AnonymousFunctions, anonymous);
    }

    private static IEnumerable<(string Name, MethodInfo Method)> Functions() =>
        typeof(ClinicModules).Assembly.GetTypes()
            .SelectMany(type =>
                type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(method => (Attribute: method.GetCustomAttribute<FunctionAttribute>(), Method: method))
            .Where(pair => pair.Attribute is not null && pair.Method.GetParameters()
                .Any(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(pair => (pair.Attribute!.Name, pair.Method));
}
