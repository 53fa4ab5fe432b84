using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;

namespace Clinic.Scheduling.Tests.Application;

public sealed class DoctorProfileValidatorTests
{
    [Fact]
    public void Validate_nameAndSpecialty_areTrimmed()
    {
        var request = new UpdateDoctorProfileRequest("  Dr. Robin Vale ", "Allergy and immunology ");

        var result = DoctorProfileValidator.Validate(request);

        Assert.True(result.Succeeded);
        Assert.Equal("Dr. Robin Vale", result.Value.DisplayName);
        Assert.Equal("Allergy and immunology", result.Value.Specialty);
    }

    [Theory]
    [InlineData(null, "Allergy", "displayName")]
    [InlineData("   ", "Allergy", "displayName")]
    [InlineData("Dr. Robin\nVale", "Allergy", "displayName")]
    [InlineData("Dr. Robin Vale\n", "Allergy", "displayName")]
    [InlineData("Dr. Robin Vale", "", "specialty")]
    [InlineData("Dr. Robin Vale", "Allergy\u0007", "specialty")]
    public void Validate_missingOrControlCharacters_reportsThatField(
        string? displayName, string? specialty, string field)
    {
        var result = DoctorProfileValidator.Validate(new UpdateDoctorProfileRequest(displayName, specialty));

        var error = Assert.Single(result.Failure!.Errors!);
        Assert.Equal(field, error.Key);
    }

    [Fact]
    public void Validate_overTheLengthLimits_reportsBothFields()
    {
        var request = new UpdateDoctorProfileRequest(new string('n', 101), new string('s', 101));

        var result = DoctorProfileValidator.Validate(request);

        var fields = result.Failure!.Errors!.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["displayName", "specialty"], fields);
    }
}
