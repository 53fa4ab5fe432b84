using System.Text.Json;
using Clinic.Platform.Json;
using Clinic.Users.Contracts;

namespace Clinic.Users.Tests.Contracts;

public sealed class ContractJsonTests
{
    [Fact]
    public void RoleAssignmentRequest_StaticWebAppsPayloadWithAccessToken_IsReadAndTheTokenIgnored()
    {
        const string json = """
            {
              "identityProvider": "aad",
              "userId": "d75b260a64504067bfc5b2905e3b8182",
              "userDetails": "casey.fictional@example.test",
              "claims": [ { "typ": "name", "val": "Casey Fictional" } ],
              "accessToken": "eyJ0eXAiOiJKV1QifQ.fictional.token"
            }
            """;

        var request = JsonSerializer.Deserialize<RoleAssignmentRequest>(json, ClinicJson.Options);

        Assert.NotNull(request);
        Assert.Equal("aad", request.IdentityProvider);
        Assert.Equal("d75b260a64504067bfc5b2905e3b8182", request.UserId);
        Assert.Equal("Casey Fictional", Assert.Single(request.Claims!).Val);
        Assert.DoesNotContain("eyJ0eXAi", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignmentResponse_Serialized_IsTheShapeStaticWebAppsExpects()
    {
        var response = new RoleAssignmentResponse(["patient", "doctor"]);

        var json = JsonSerializer.Serialize(response, ClinicJson.Options);

        Assert.Equal("""{"roles":["patient","doctor"]}""", json);
    }

    [Fact]
    public void UpdateProfileRequest_UnknownMember_IsRejected()
    {
        const string json = """{ "displayName": "Casey", "smsConsentGivenAt": "2027-01-01T00:00:00Z" }""";

        var exception = Record.Exception(
            () => JsonSerializer.Deserialize<UpdateProfileRequest>(json, ClinicJson.Options));

        Assert.IsType<JsonException>(exception);
    }

    [Fact]
    public void ProfileResponse_Serialized_IsCamelCaseWithoutNulls()
    {
        var response = new ProfileResponse(
            "Casey", null, "+12025550123", "en-US", null, ["sms"], true, "2027-01-01T00:00:00Z", null);

        var json = JsonSerializer.SerializeToElement(response, ClinicJson.Options);

        Assert.Equal(
            [
                "displayName", "phone", "preferredLanguage", "notificationChannels", "smsConsent",
                "smsConsentGivenAt",
            ],
            json.EnumerateObject().Select(property => property.Name));
        Assert.Equal("+12025550123", json.GetProperty("phone").GetString());
    }
}
