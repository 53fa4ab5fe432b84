using System.Net;
using System.Text;
using Clinic.Functions;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.LocalHost.Binding;
using Clinic.Platform.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Privacy;

/// <summary>
/// Runs every HTTP flow with unique, fictional canary values for each kind of personal data, captures every
/// log record (all providers see the same records: the test collector, the JSON-lines file, the console) and
/// every telemetry activity, and fails if any canary appears, in any case or URL-encoded. A doctor's display
/// name is a person's name too. The flows call every HTTP function, so a new route cannot skip the check.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CanaryTests(AzuriteFixture azurite)
{
    private static readonly string Tag = Guid.NewGuid().ToString("N")[..8];
    private static readonly string Name = $"Canaryname {Tag}";
    private static readonly string Email = $"canary.{Tag}@example.test";
    private const string Phone = "+12025550187";
    private const string BirthDate = "1987-06-05";
    private static readonly string Note = $"Canary note {Tag}: persistent cough since Tuesday";
    private static readonly string DoctorName = $"Dr. Canarydoc {Tag}";
    private static readonly string Patient = $"canary-user-{Guid.NewGuid():N}";

    [Fact]
    public async Task EveryFlow_withCanaryValues_leavesNoPersonalDataInLogsOrTelemetry()
    {
        var logFile = Path.Combine(Path.GetTempPath(), $"clinic-canary-{Tag}-.jsonl");
        using var telemetry = new TelemetryCapture();
        FakeLogCollector logs;
        var called = new CalledFunctions();
        await using (var host = await RunningLocalHost.StartAsync(
            azurite.Azurite,
            new Dictionary<string, string?> { ["Logging:File:Path"] = logFile },
            services: services => services.AddSingleton<IStartupFilter>(called)))
        {
            await RunEveryFlowAsync(host.Client, host.Services.GetRequiredService<Pseudonymizer>());
            logs = host.Logs;
        }

        var files = Directory.GetFiles(Path.GetTempPath(), $"clinic-canary-{Tag}-*.jsonl");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.NotEqual(0, new FileInfo(file).Length));
        var captured = new StringBuilder()
            .AppendJoin('\n', logs.GetSnapshot().Select(record =>
                $"{record.Message} {record.Exception} {string.Join(' ', record.StructuredState ?? [])}"))
            .AppendLine(telemetry.Text)
            .AppendJoin('\n', files.Select(File.ReadAllText))
            .ToString();

        var events = logs.GetSnapshot().Select(record => record.Id.Name).ToHashSet();
        var expected = new HashSet<string?>
        {
            "UserSignedIn", "AppointmentBooked", "AppointmentCancelled", "DoctorProfileChanged",
        };
        Assert.Superset(expected, events);
        var functions = HttpFunctionCatalog.Discover(typeof(ClinicModules).Assembly).Select(f => f.Name);
        Assert.Empty(functions.Except(called.Names));
        foreach (var canary in
            new[] { Name, Email, Phone, "202-555-0187", "2025550187", BirthDate, Note, DoctorName, Tag })
        {
            foreach (var form in Forms(canary))
                Assert.DoesNotContain(form, captured, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task RunEveryFlowAsync(HttpClient client, Pseudonymizer pseudonyms)
    {
        // Sign-in, as Static Web Apps calls the role assignment with the provider's user details and claims.
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/auth/roles", Json(new
        {
            identityProvider = "aad", userId = Patient, userDetails = Email,
            claims = new[] { new { typ = "name", val = Name }, new { typ = "emails", val = Email } },
        })));

        var profile = new
        {
            displayName = Name, email = Email, phone = "(202) 555-0187", preferredLanguage = "fr-CA",
            timeZone = "Europe/Paris", notificationChannels = new[] { "email", "sms" }, smsConsent = true,
            birthDate = BirthDate,
        };
        await Expect(HttpStatusCode.OK, client.SendAsync(Put("/api/me/profile", profile).As(Patient)));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/me/profile").As(Patient)));
        await Expect(HttpStatusCode.BadRequest, client.SendAsync(Put("/api/me/profile", profile with
        {
            email = $"{Name} is not an email", phone = $"{Tag} not a phone", birthDate = $"{Tag}-{BirthDate}",
        }).As(Patient)));

        var free = await FutureSlots.FindAsync(client, FutureSlots.ParisDoctor, weeksAhead: 5);
        var booked = await client.SendAsync(
            Post(
                "/api/appointments",
                new { doctorId = FutureSlots.ParisDoctor, start = free[0], note = Note },
                Tag)
                .As(Patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.JsonAsync()).GetProperty("id").GetString()!;
        await Expect(HttpStatusCode.OK, client.SendAsync(Get($"/api/appointments/{id}").As(Patient)));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/me/appointments").As(Patient)));
        var day = $"/api/doctors/{FutureSlots.ParisDoctor}/appointments?date={free[0][..10]}";
        await Expect(HttpStatusCode.OK, client.SendAsync(Get(day).As(FutureSlots.ParisDoctorAccount)));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Post($"/api/appointments/{id}/reschedule", new { start = free[1] }).As(Patient)));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Post($"/api/appointments/{id}/cancel", new { }).As(Patient)));

        await Expect(HttpStatusCode.BadRequest, client.SendAsync(PostRaw("/api/appointments",
            $"{{\"doctorId\":\"{FutureSlots.ParisDoctor}\",\"start\":\"{Note}\"," +
            $"\"note\":\"{Note}\"}}").As(Patient)));
        await Expect(HttpStatusCode.BadRequest, client.SendAsync(PostRaw("/api/appointments",
            $"{{\"note\":\"{Email}\", \"{Name}\": 1}}").As(Patient)));
        await Expect(HttpStatusCode.BadRequest, client.SendAsync(PostRaw("/api/appointments",
            $"{{\"doctorId\":\"{FutureSlots.ParisDoctor}\"," +
            $"\"note\":\"{new string('x', 600)} {Note}\"}}").As(Patient)));
        await Expect(HttpStatusCode.Unauthorized, client.SendAsync(Get("/api/me/profile").AsRawPrincipal(
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"userDetails\":\"{Email}\"}}")))));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/admin/users").As("demo-admin")));
        await RunDoctorFlowsAsync(client, id, free[0][..10]);
        await RunBillingAndNotificationFlowsAsync(client, id);
        await RunPublicAndAdminFlowsAsync(client, pseudonyms.Pseudonymize(Patient));
    }

    /// <summary>The doctor's own routes: the day's visits, the availability and the public profile.</summary>
    private static async Task RunDoctorFlowsAsync(HttpClient client, string appointmentId, string date)
    {
        const string doctor = FutureSlots.ParisDoctorAccount;
        var appointment = $"/api/doctors/{FutureSlots.ParisDoctor}/appointments/{appointmentId}";
        await Expect(HttpStatusCode.UnprocessableEntity, client.SendAsync(
            Post($"{appointment}/complete", new { }).As(doctor)));
        await Expect(HttpStatusCode.UnprocessableEntity, client.SendAsync(
            Post($"{appointment}/no-show", new { }).As(doctor)));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Get($"/api/doctors/{FutureSlots.ParisDoctor}/payments?date={date}").As(doctor)));

        var rules = $"/api/doctors/{FutureSlots.ParisDoctor}/availability";
        await Expect(HttpStatusCode.OK, client.SendAsync(Get(rules).As(doctor)));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Put(rules, DoctorRules.Paris(date)).As(doctor).IfMatch("\"v1\"")));
        await Expect(HttpStatusCode.PreconditionFailed, client.SendAsync(
            Put(rules, DoctorRules.Paris()).As(doctor).IfMatch("\"v1\"")));

        var profile = $"/api/doctors/{FutureSlots.ParisDoctor}/profile";
        var named = new { displayName = DoctorName, specialty = $"Canary specialty {Tag}" };
        var malformed = new { displayName = $"{DoctorName}\n", specialty = new string('s', 101) };
        await Expect(HttpStatusCode.OK, client.SendAsync(Put(profile, named).As(doctor)));
        await Expect(HttpStatusCode.BadRequest, client.SendAsync(Put(profile, malformed).As(doctor)));
    }

    /// <summary>Invoices, payments, notifications and alerts, for ids that exist and ids that do not.
    /// </summary>
    private static async Task RunBillingAndNotificationFlowsAsync(HttpClient client, string appointmentId)
    {
        const string unknownInvoice = "inv_000000000000000000000000";
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/me/invoices").As(Patient)));
        await Expect(HttpStatusCode.NotFound, client.SendAsync(
            Get($"/api/me/invoices/{unknownInvoice}").As(Patient)));
        var payment = new { paymentToken = "tok_approve" };
        await Expect(HttpStatusCode.NotFound, client.SendAsync(
            Post($"/api/me/invoices/{unknownInvoice}/pay", payment, Tag).As(Patient)));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/admin/payments/failed").As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Get($"/api/admin/appointments/{appointmentId}/notifications").As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Get("/api/admin/notifications/dead-letters").As("demo-admin")));
        await Expect(HttpStatusCode.NotFound, client.SendAsync(
            Post("/api/admin/notifications/dead-letters/dl-unknown/replay", new { }).As("demo-admin")));
        await Expect(HttpStatusCode.NotFound, client.SendAsync(Post(
            "/api/admin/alerts/202701-0000000000000000000-00000000/acknowledge", new { }).As("demo-admin")));
    }

    /// <summary>
    /// The remaining routes: public reads, the caller's access, and every admin action on the canary user.
    /// </summary>
    private static async Task RunPublicAndAdminFlowsAsync(HttpClient client, string pseudonym)
    {
        await Expect(HttpStatusCode.OK, client.GetAsync("/api/doctors"));
        await Expect(HttpStatusCode.OK, client.GetAsync(
            $"/api/doctors/{FutureSlots.ParisDoctor}/slots?from=2030-01-07&to=2030-01-08"));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/me/access").As(Patient)));

        var user = $"/api/admin/users/{pseudonym}";
        await Expect(HttpStatusCode.OK, client.SendAsync(Get(user).As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Post($"{user}/roles", new { role = "doctor" }).As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            Put($"{user}/doctor", new { doctorId = FutureSlots.ParisDoctor }).As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, $"{user}/doctor").As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, $"{user}/roles/doctor").As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(Post($"{user}/disable", new { }).As("demo-admin")));
        await Expect(HttpStatusCode.Forbidden, client.SendAsync(Get("/api/me/profile").As(Patient)));
        await Expect(HttpStatusCode.OK, client.SendAsync(Post($"{user}/enable", new { }).As("demo-admin")));
        await Expect(HttpStatusCode.OK, client.SendAsync(Get("/api/admin/alerts").As("demo-admin")));
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.Equal(status, response.StatusCode);
    }

    private static IEnumerable<string> Forms(string canary) =>
        new[]
        {
            canary, Uri.EscapeDataString(canary), WebUtility.UrlEncode(canary),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(canary)),
        }.Distinct();
}
