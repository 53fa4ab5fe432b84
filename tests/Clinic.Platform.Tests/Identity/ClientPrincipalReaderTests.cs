using System.Text;
using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Tests.Identity;

public sealed class ClientPrincipalReaderTests
{
    [Fact]
    public void Read_validHeader_givesUserIdProviderAndRoles()
    {
        var request = WithHeader(Encode(
            """{"identityProvider":"aad","userId":"u-1","userDetails":"p""" +
            """@example.test","userRoles":["a","b"]}"""));

        var result = ClientPrincipalReader.Read(request);

        Assert.True(result.Succeeded);
        Assert.Equal("u-1", result.Value.UserId);
        Assert.Equal("aad", result.Value.IdentityProvider);
        Assert.Equal(["a", "b"], result.Value.UserRoles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzEsMiwzXQ==")]
    [InlineData("eyJ1c2VyUm9sZXMiOlsiYWRtaW4iXX0=")]
    public void Read_missingOrUnreadableHeader_isUnauthenticated(string? header)
    {
        var request = WithHeader(header);

        var result = ClientPrincipalReader.Read(request);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureKind.Unauthenticated, result.Failure.Kind);
    }

    [Fact]
    public void Read_oversizedHeader_isUnauthenticated()
    {
        var padding = new string('x', ClientPrincipalReader.MaxHeaderLength);
        var request = WithHeader(Encode($$"""{"userId":"u-1","pad":"{{padding}}"}"""));

        var result = ClientPrincipalReader.Read(request);

        Assert.Equal(FailureKind.Unauthenticated, result.Failure!.Kind);
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static HttpRequest WithHeader(string? value)
    {
        var context = new DefaultHttpContext();
        if (value is not null)
            context.Request.Headers[ClientPrincipalReader.HeaderName] = value;
        return context.Request;
    }
}
