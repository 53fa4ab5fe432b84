using System.Net;
using System.Text;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

/// <summary>
/// Every endpoint refuses bad input with problem details that name the field and leak nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private const string Patient = "patient-bad-input";
    private const string UnknownAppointment = "0123456789abcdef0123456789abcdef";
    private const string Slots = $"/api/doctors/{Doctor}/slots";
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // A date that many years from today, as yyyy-MM-dd.
    private static string Years(int years) => DateTime.UtcNow.AddYears(years).ToString("yyyy-MM-dd");

    public static TheoryData<string, string, string?, int, string?> Cases => new()
    {
        // method, path, JSON body (or a marker), expected status, field named in errors
        { "GET", "/api/doctors/Not_A~Doctor/slots?from=2030-01-07&to=2030-01-08", null, 400, "doctorId" },
        { "GET", $"{Slots}?to=2030-01-08", null, 400, "from" },
        { "GET", $"{Slots}?from=2030-13-01&to=2030-01-08", null, 400, "from" },
        { "GET", $"{Slots}?from=yesterday&to=2030-01-08", null, 400, "from" },
        { "GET", $"{Slots}?from=2030-01-01&to=2030-02-15", null, 400, "to" },
        { "GET", $"{Slots}?from=2030-01-08&to=2030-01-01", null, 400, "to" },
        { "GET", "/api/doctors/dr-nobody/slots?from=2030-01-07&to=2030-01-08", null, 404, null },
        { "GET", $"{Slots}?from=2020-01-06&to=2020-01-07", null, 400, "from" },
        { "GET", $"{Slots}?from={Years(6)}&to={Years(6)}", null, 400, "to" },
        { "POST", "/api/appointments", "{\"doctorId\": ", 400, "doctorId" },
        { "POST", "/api/appointments", "[1,2]", 400, "body" },
        { "POST", "/api/appointments", "{\"doctorId\":\"" + Doctor + "\",\"start\":5}", 400, "start" },
        { "POST", "/api/appointments", "{}", 400, "doctorId" },
        { "POST", "/api/appointments", "{\"doctorId\":\"" + Doctor + "\"}", 400, "start" },
        { "POST", "/api/appointments",
            "{\"doctorId\":\"x\",\"start\":\"2030-01-07T08:30:00Z\",\"extra\":1}", 400, "body" },
        { "POST", "/api/appointments",
            "{\"doctorId\":\"" + Doctor + "\",\"start\":\"next monday\"}", 400, "start" },
        { "POST", "/api/appointments",
            "{\"doctorId\":\"dr-nobody\",\"start\":\"2030-01-07T08:30:00Z\"}", 404, null },
        { "POST", "/api/appointments", "@oversized", 413, null },
        { "POST", "/api/appointments", "@text-plain", 415, null },
        { "POST", "/api/appointments", "@long-idempotency-key", 400, "Idempotency-Key" },
        { "GET", "/api/appointments/not-an-id", null, 400, "appointmentId" },
        { "GET", $"/api/appointments/{UnknownAppointment}", null, 404, null },
        { "POST", $"/api/appointments/{UnknownAppointment}/reschedule",
            "{\"start\":\"tomorrow\"}", 400, "start" },
        { "POST", $"/api/appointments/{UnknownAppointment}/reschedule",
            "{\"start\":\"2030-01-07T08:30:00Z\"}", 404, null },
        { "POST", $"/api/appointments/{UnknownAppointment}/cancel", "{}", 404, null },
        { "POST", "/api/appointments/UPPERCASE/cancel", "{}", 400, "appointmentId" },
        { "GET", $"/api/doctors/{Doctor}/appointments?date=2030-02-30", null, 400, "date" },
        { "GET", $"/api/doctors/{Doctor}/appointments?date=9999-12-31", null, 400, "date" },
        { "GET", $"{Slots}?from=9999-12-31&to=9999-12-31", null, 400, "from" },
        { "POST", "/api/appointments",
            "{\"doctorId\":\"" + Doctor + "\",\"start\":\"9999-12-31T23:59:59-05:00\"}", 400, "start" },
        { "POST", "/api/appointments",
            "{\"doctorId\":\"x\",\"doctorId\":\"y\",\"start\":\"2030-01-07T08:30:00Z\"}", 400, "doctorId" },
        { "POST", "/api/appointments", "@two-idempotency-keys", 400, "Idempotency-Key" },
        { "GET", "/api/no-such-route", null, 404, null },
        { "DELETE", "/api/doctors", null, 405, null },
        { "GET", "/api/doctors", "@oversized", 413, null },
    };

    public static TheoryData<string, string, string> Unbookable => new()
    {
        // doctor, start, problem type
        { Doctor, "2020-01-06T08:30:00Z", "too-soon" },
        { Doctor, "2030-01-07T08:40:00Z", "slot-not-offered" },
        { Doctor, "2030-01-06T08:30:00Z", "slot-not-offered" },
        { Doctor, "2030-01-07T07:00:00Z", "slot-not-offered" },
        { Doctor, DateTimeOffset.UtcNow.AddYears(6).ToString("yyyy-MM-ddT08:30:00Z"), "too-far-ahead" },
        { "dr-noah-fischer", "2027-12-24T09:00:00Z", "slot-not-offered" },
        { Doctor, DateTimeOffset.UtcNow.AddMinutes(20).ToString("yyyy-MM-ddTHH:00:00Z"), "too-soon" },
    };

    [Theory]
    [MemberData(nameof(Unbookable))]
    public async Task Book_startThatCannotBeBooked_isUnprocessableWithItsReason(
        string doctor, string start, string type)
    {
        using var request = Post("/api/appointments", new { doctorId = doctor, start }).As(Patient);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal($"/problems/{type}", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task Slots_onADayOff_areNone()
    {
        var dayOff = await Client.GetAsync(
            "/api/doctors/dr-noah-fischer/slots?from=2027-12-24&to=2027-12-24");
        var dayBefore = await Client.GetAsync(
            "/api/doctors/dr-noah-fischer/slots?from=2027-12-23&to=2027-12-23");

        Assert.Empty(FutureSlots.Starts(await dayOff.JsonAsync()));
        Assert.NotEmpty(FutureSlots.Starts(await dayBefore.JsonAsync()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_badInput_answersProblemDetailsAndWritesNothing(
        string method, string path, string? body, int status, string? field)
    {
        using var request = BuildRequest(method, path, body);
        var doctorsDay = path.StartsWith($"/api/doctors/{Doctor}/appointments", StringComparison.Ordinal);
        request.As(doctorsDay ? FutureSlots.ParisDoctorAccount : Patient, "doctor");

        var response = await Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        var text = problem.ToString();
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(response.Headers.GetValues("x-correlation-id").Single(),
            problem.GetProperty("correlationId").GetString());
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Appointments", text, StringComparison.Ordinal);
        Assert.Empty(await MineAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")]
    public async Task Book_withoutReadablePrincipal_isUnauthorized(string? header)
    {
        using var request = Post(
            "/api/appointments", new { doctorId = Doctor, start = "2030-01-07T08:30:00Z" });
        if (header is not null)
            request.Headers.TryAddWithoutValidation("x-ms-client-principal", header);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task DoctorDay_callerWithoutDoctorRole_isForbidden()
    {
        var response = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/appointments?date=2030-01-07").As(Patient));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage BuildRequest(string method, string path, string? body)
    {
        if (body is null)
            return new HttpRequestMessage(new HttpMethod(method), path);

        return body switch
        {
            "@oversized" => new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(
                    $"{{\"doctorId\":\"{new string('x', 70_000)}\"}}", Encoding.UTF8, "application/json"),
            },
            "@text-plain" => PostRaw(path, "{}", "text/plain"),
            "@two-idempotency-keys" => WithKey(
                WithKey(
                    PostRaw(path, $"{{\"doctorId\":\"{Doctor}\",\"start\":\"2030-01-07T08:30:00Z\"}}"),
                    "a"),
                "b"),
            "@long-idempotency-key" => WithKey(
                PostRaw(path, $"{{\"doctorId\":\"{Doctor}\",\"start\":\"2030-01-07T08:30:00Z\"}}"),
                new string('k', 129)),
            _ => new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            },
        };
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<List<string>> MineAsync()
    {
        var response = await Client.SendAsync(Get("/api/me/appointments").As(Patient));
        return (await response.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!)
            .ToList();
    }
}
