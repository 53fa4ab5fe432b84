using System.Net;
using System.Text.Json;
using Clinic.Billing;
using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows;
using Clinic.Billing.Workflows.Tests.Fakes;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Platform.Observability;
using Clinic.Platform.Privacy;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// Booking issues an invoice at the doctor's fee; paying it runs the payment orchestration on the local
/// host's in-process Durable host against the simulated gateway.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;

    /// <summary>A demo doctor whose fee (85.25 EUR) has cents, which a leaked amount would show.</summary>
    private const string CentsDoctor = "dr-noah-fischer";

    private static readonly TimeSpan PaymentDeadline = TimeSpan.FromSeconds(15);

    /// <summary>How soon a raised alert must be listed for admins.</summary>
    private static readonly TimeSpan AlertDeadline = TimeSpan.FromSeconds(5);
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() =>
        _host = await RunningLocalHost.StartAsync(azurite.Azurite, FastRetry, services: CountProviderCalls);

    /// <summary>Milliseconds where production waits seconds, so exhausting the retries takes about a second.</summary>
    private static Dictionary<string, string?> FastRetry => new()
    {
        ["Billing:GatewayRetry:FirstRetryInterval"] = "00:00:00.050",
        ["Billing:GatewayRetry:MaxRetryInterval"] = "00:00:00.200",
        ["Billing:GatewayRetry:CircuitOpenWait"] = "00:00:00.100",
    };

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// The simulated provider that the host registers, counted where it is called (behind the breaker): its
    /// own capture count cannot tell one charge from two, since it dedupes on the idempotency key.
    /// </summary>
    private static void CountProviderCalls(IServiceCollection services) =>
        services
            .AddSingleton(provider => new CountingPaymentGateway(
                provider.GetRequiredService<SimulatedPaymentGateway>()))
            .AddKeyedSingleton<IPaymentGateway>(BillingServiceCollectionExtensions.PaymentProviderKey,
                (provider, _) => provider.GetRequiredService<CountingPaymentGateway>());

    [Fact]
    public async Task Pay_approvedToken_invoiceAtDoctorsFeeEndsPaid()
    {
        const string patient = "patient-pay-approve";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 0);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
        Assert.Equal(60.00m, invoice.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        var invoiceId = invoice.GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" }, "pay-approve-1").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/me/invoices/{invoiceId}", accepted.Headers.Location!.OriginalString);
        Assert.Equal("no-store", accepted.Headers.CacheControl!.ToString());
        Assert.False(string.IsNullOrEmpty((await accepted.JsonAsync()).GetProperty("instanceId").GetString()));
        var final = await PollUntilSettledAsync(patient, accepted.Headers.Location.OriginalString);
        Assert.Equal("paid", final.GetProperty("status").GetString());
        Assert.Equal("4242", final.GetProperty("cardLast4").GetString());
    }

    [Fact]
    public async Task Pay_declinedToken_invoiceEndsPaymentFailed()
    {
        const string patient = "patient-pay-decline";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 1);
        var invoiceId = invoice.GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_decline" }, "pay-decline-1").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var final = await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);
        Assert.Equal("payment-failed", final.GetProperty("status").GetString());
        Assert.Equal("card_declined", final.GetProperty("failureCode").GetString());
    }

    [Theory]
    [InlineData("tok_approve", 2, "paid", null)]
    [InlineData("tok_decline", 3, "payment-failed", "card_declined")]
    [InlineData("tok_transient_2", 4, "paid", null)]
    [InlineData("tok_timeout", 5, "payment-failed", "gateway_unavailable")]
    public async Task Pay_eachTestCard_endsAsDocumented(
        string token, int slotIndex, string expectedStatus, string? expectedFailure)
    {
        var patient = "patient-card-" + token.Replace('_', '-');
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex)).GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(
            Post($"/api/me/invoices/{invoiceId}/pay", new { paymentToken = token }, "pay-" + token).As(patient));
        var final = await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(expectedStatus, final.GetProperty("status").GetString());
        if (expectedFailure is not null)
            Assert.Equal(expectedFailure, final.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Pay_finalFailure_alertsAdminsCriticallyAndListsTheInvoice()
    {
        const string patient = "patient-pay-alert";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 6)).GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_timeout" }, "pay-alert-1").As(patient));
        await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);
        var alert = await WaitForAlertAsync("PaymentFailed", invoiceId);
        var failed = await Client.SendAsync(Get("/api/admin/payments/failed").As("demo-admin"));
        var byPatient = await Client.SendAsync(Get("/api/admin/payments/failed").As(patient));

        Assert.True(alert.HasValue, $"No PaymentFailed alert was listed within {AlertDeadline.TotalSeconds} s.");
        Assert.Equal("critical", alert.Value.GetProperty("severity").GetString());
        var critical = _host.Services.GetRequiredService<CriticalEvents>();
        var records = _host.Logs.GetSnapshot();
        var raised = Assert.Single(records, record => record.Id.Name == "AlertRaised"
            && record.StructuredState?.Contains(new("AlertEvent", "PaymentFailed")) == true);
        var paymentFailed = Assert.Single(records, record => record.Id.Name == "PaymentFailed"
            && record.StructuredState?.Contains(new("InvoiceId", invoiceId)) == true);
        Assert.Equal(LogLevel.Critical, raised.Level);
        Assert.All([raised, paymentFailed],
            record => Assert.True(critical.IsCritical(record.Category, record.Level, record.Id), record.Id.Name));
        Assert.Equal("no-store", failed.Headers.CacheControl!.ToString());
        Assert.Contains((await failed.JsonAsync()).GetProperty("invoices").EnumerateArray(),
            invoice => invoice.GetProperty("invoiceId").GetString() == invoiceId);
        Assert.Equal(HttpStatusCode.Forbidden, byPatient.StatusCode);
    }

    [Fact]
    public async Task ListFailedPayments_namesThePatientByTheAdminUsersPseudonymOnly()
    {
        const string patient = "patient-pay-failed-pseudonym";
        // Signed in as Static Web Apps signs users in (its rolesSource call), so the users table knows them.
        var signIn = new { identityProvider = "aad", userId = patient, userDetails = "patient@example.test" };
        var signedIn = await Client.PostAsync("/api/auth/roles", Json(signIn));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 21)).GetProperty("id").GetString()!;
        var accepted = await Client.SendAsync(Post($"/api/me/invoices/{invoiceId}/pay",
            new { paymentToken = "tok_decline" }, "pay-pseudonym-1").As(patient));
        await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);
        var pseudonym = _host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize(patient);

        var failed = await Client.SendAsync(Get("/api/admin/payments/failed").As("demo-admin"));

        var body = await failed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(patient, body, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(body);
        var entry = listed.RootElement.GetProperty("invoices").EnumerateArray()
            .Single(invoice => invoice.GetProperty("invoiceId").GetString() == invoiceId);
        Assert.Equal(pseudonym, entry.GetProperty("patientPseudonym").GetString());
        Assert.False(entry.TryGetProperty("patientId", out _));
        var user = await Client.SendAsync(Get($"/api/admin/users/{pseudonym}").As("demo-admin"));
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(pseudonym, (await user.JsonAsync()).GetProperty("pseudonym").GetString());
    }

    [Fact]
    public async Task Pay_sameKeySubmittedConcurrently_oneOrchestrationOneCharge()
    {
        const string patient = "patient-pay-race";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 7)).GetProperty("id").GetString()!;
        var gateway = _host.Services.GetRequiredService<CountingPaymentGateway>();

        var submissions = Enumerable.Range(0, 8).Select(_ => Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_transient_1" }, "pay-race-1")
            .As(patient)));
        var answers = await Task.WhenAll(submissions);
        var instanceIds = await Task.WhenAll(answers.Select(async a =>
            (await a.JsonAsync()).GetProperty("instanceId").GetString()));
        var final = await PollUntilSettledAsync(patient, $"/api/me/invoices/{invoiceId}");

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        Assert.Equal("paid", final.GetProperty("status").GetString());
        // tok_transient_1: one call fails, its retry is approved; a second payment of the key calls again.
        Assert.Equal((2, 1), (gateway.ChargeCalls, gateway.Captures));
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentSucceeded"
            && record.StructuredState?.Contains(new("InvoiceId", invoiceId)) == true);
        var started = await PaymentsOfAsync(invoiceId);
        var instance = Assert.Single(started);
        Assert.All(instanceIds, id => Assert.Equal(instance.InstanceId, id));
    }

    [Fact]
    public async Task Pay_twoKeysSubmittedConcurrently_oneChargeAndTheInvoicePaidOnce()
    {
        const string patient = "patient-pay-two-keys";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 12)).GetProperty("id").GetString()!;
        var gateway = _host.Services.GetRequiredService<SimulatedPaymentGateway>();
        var capturedBefore = gateway.Captures;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(attempt => Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_transient_2" }, $"pay-keys-{attempt}")
            .As(patient))));
        var started = answers.Where(answer => answer.StatusCode == HttpStatusCode.Accepted).ToList();
        await Task.WhenAll(started.Select(async answer => await WaitForOrchestrationAsync(
            (await answer.JsonAsync()).GetProperty("instanceId").GetString()!)));
        var final = await PollUntilSettledAsync(patient, $"/api/me/invoices/{invoiceId}");

        Assert.NotEmpty(started);
        Assert.All(answers.Except(started), answer => Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode));
        Assert.Equal("paid", final.GetProperty("status").GetString());
        Assert.Equal(1, gateway.Captures - capturedBefore);
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentSucceeded"
            && record.StructuredState?.Any(pair => pair.Value == invoiceId) == true);
    }

    [Fact]
    public async Task Pay_anotherKeyWhileAPaymentIsInFlight_isAConflictProblem()
    {
        const string patient = "patient-pay-in-flight";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 13)).GetProperty("id").GetString()!;
        var path = $"/api/me/invoices/{invoiceId}/pay";
        await Client.SendAsync(Post(path, new { paymentToken = "tok_timeout" }, "pay-flight-1").As(patient));
        await PollUntilAsync(patient, invoiceId, "payment-pending");

        var other = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_approve" }, "pay-flight-2").As(patient));
        var same = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_timeout" }, "pay-flight-1").As(patient));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/payment-in-progress", (await other.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
    }

    [Fact]
    public async Task Pay_withoutIdempotencyKey_isAValidationProblemAndStartsNothing()
    {
        const string patient = "patient-pay-no-key";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 14)).GetProperty("id").GetString()!;

        var answer = await Client.SendAsync(
            Post($"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" }).As(patient));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.Equal("/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal("open", (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentAttempted");
    }

    [Fact]
    public async Task Pay_cardNumberAsToken_isRefusedAndNeitherStoredNorLogged()
    {
        const string patient = "patient-pay-card-number";
        const string cardNumber = "4242 4242 4242 4242";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 15)).GetProperty("id").GetString()!;
        var gateway = _host.Services.GetRequiredService<SimulatedPaymentGateway>();
        var capturedBefore = gateway.Captures;

        var answer = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = cardNumber }, "pay-card-number-1").As(patient));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadAsStringAsync();
        Assert.Contains("paymentToken", problem, StringComparison.Ordinal);
        Assert.Equal("open", (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
        var instanceId = PaymentOrchestrator.InstanceIdFor(invoiceId, "pay-card-number-1");
        Assert.Null(await _host.Services.GetRequiredService<DurableTaskClient>()
            .GetInstanceAsync(instanceId, CancellationToken.None));
        Assert.Equal(capturedBefore, gateway.Captures);
        string[] forms = [cardNumber, cardNumber.Replace(" ", "", StringComparison.Ordinal), "4242-4242-4242-4242"];
        Assert.All(forms, form => Assert.DoesNotContain(form, problem, StringComparison.Ordinal));
        Assert.Empty(PaymentDataLeaks.Find(_host.Logs.GetSnapshot(), forms));
    }

    [Theory]
    [InlineData("paid", 16)]
    [InlineData("refunded", 17)]
    [InlineData("void", 18)]
    public async Task Pay_invoiceThatIsNotPayable_isAConflictProblemAndStartsNothing(string state, int slotIndex)
    {
        var patient = "patient-pay-not-payable-" + state;
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex);
        var invoiceId = invoice.GetProperty("id").GetString()!;
        await BringToAsync(patient, invoice, state);
        var gateway = _host.Services.GetRequiredService<SimulatedPaymentGateway>();
        var capturedBefore = gateway.Captures;

        var answer = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" }, "pay-again").As(patient));

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", answer.Headers.CacheControl!.ToString());
        Assert.Equal("/problems/invoice-not-payable", (await answer.JsonAsync()).GetProperty("type").GetString());
        Assert.Null(await _host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(
            PaymentOrchestrator.InstanceIdFor(invoiceId, "pay-again"), CancellationToken.None));
        Assert.Equal(capturedBefore, gateway.Captures);
        Assert.Equal(state, (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pay_sameKeyAgainAfterItPaid_joinsThePaymentWithoutAnotherCharge()
    {
        const string patient = "patient-pay-same-key-after";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 19)).GetProperty("id").GetString()!;
        var path = $"/api/me/invoices/{invoiceId}/pay";
        var first = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_approve" }, "pay-once").As(patient));
        await PollUntilSettledAsync(patient, first.Headers.Location!.OriginalString);
        var gateway = _host.Services.GetRequiredService<SimulatedPaymentGateway>();
        var capturedBefore = gateway.Captures;

        var again = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_approve" }, "pay-once").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(
            (await first.JsonAsync()).GetProperty("instanceId").GetString(),
            (await again.JsonAsync()).GetProperty("instanceId").GetString());
        Assert.Equal(capturedBefore, gateway.Captures);
    }

    [Fact]
    public async Task Pay_failedInvoiceAgainWithAnotherCard_isAcceptedAndEndsPaid()
    {
        const string patient = "patient-pay-retry-after-failure";
        var invoiceId = (await BookAndFindInvoiceAsync(patient, slotIndex: 20)).GetProperty("id").GetString()!;
        var path = $"/api/me/invoices/{invoiceId}/pay";
        var declined = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_decline" }, "pay-retry-1").As(patient));
        await PollUntilSettledAsync(patient, declined.Headers.Location!.OriginalString);

        var retried = await Client.SendAsync(
            Post(path, new { paymentToken = "tok_approve" }, "pay-retry-2").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await WaitForOrchestrationAsync((await retried.JsonAsync()).GetProperty("instanceId").GetString()!);
        Assert.Equal("paid", (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_unpaidAndPaidAppointments_voidsOneAndRefundsTheOther()
    {
        const string patient = "patient-pay-cancel";
        var unpaid = await BookAndFindInvoiceAsync(patient, slotIndex: 8);
        var paid = await BookAndFindInvoiceAsync(patient, slotIndex: 9);
        var paidId = paid.GetProperty("id").GetString()!;
        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{paidId}/pay", new { paymentToken = "tok_approve" }, "pay-cancel-1").As(patient));
        await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);

        foreach (var invoice in new[] { unpaid, paid })
        {
            var appointmentId = invoice.GetProperty("appointmentId").GetString();
            var cancelled = await Client.SendAsync(
                Post($"/api/appointments/{appointmentId}/cancel", new { }).As(patient));
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        var voided = await PollUntilAsync(patient, unpaid.GetProperty("id").GetString()!, "void");
        var refunded = await PollUntilAsync(patient, paidId, "refunded");
        Assert.Equal("void", voided.GetProperty("status").GetString());
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DoctorPayments_ownDayShowsStatusOnly_otherDoctorRefused()
    {
        const string patient = "patient-pay-doctor-view";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 10);
        var appointmentId = invoice.GetProperty("appointmentId").GetString()!;
        var appointment = await (await Client.SendAsync(
            Get($"/api/appointments/{appointmentId}").As(patient))).JsonAsync();
        var date = appointment.GetProperty("localStart").GetString()![..10];

        var own = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/payments?date={date}").As(FutureSlots.ParisDoctorAccount));
        var other = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/payments?date={date}").As("demo-doctor-amelia-hart"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("no-store", own.Headers.CacheControl!.ToString());
        var entry = (await own.JsonAsync()).GetProperty("payments").EnumerateArray()
            .Single(p => p.GetProperty("appointmentId").GetString() == appointmentId);
        Assert.Equal("open", entry.GetProperty("status").GetString());
        Assert.False(entry.TryGetProperty("amount", out _));
        Assert.False(entry.TryGetProperty("cardLast4", out _));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task FullPaymentFlow_everyLogRecord_carriesNoPlaintextAmountTokenCardDigitsOrPatient()
    {
        const string patient = "patient-pay-logs";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 11, CentsDoctor);
        var invoiceId = invoice.GetProperty("id").GetString()!;
        var fee = Money.Of(
            invoice.GetProperty("amount").GetDecimal(), invoice.GetProperty("currency").GetString()!);
        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_transient_1" }, "pay-logs-1").As(patient));
        await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);
        await Client.SendAsync(Post(
            $"/api/appointments/{invoice.GetProperty("appointmentId").GetString()}/cancel", new { }).As(patient));
        await PollUntilAsync(patient, invoiceId, "refunded");

        var records = _host.Logs.GetSnapshot();

        Assert.Equal(Money.Of(85.25m, "EUR"), fee);
        Assert.Contains(records, r => r.Id.Name == "PaymentSucceededDetails");
        Assert.Contains(records, r => r.Id.Name == "RefundIssued");
        string[] secrets = [.. PaymentDataLeaks.RenderingsOf(fee), "tok_transient_1", "4242", patient];
        Assert.Empty(PaymentDataLeaks.Find(records, secrets));
    }

    /// <summary>Pays the invoice, cancels its appointment, or both, and waits for the state that follows.</summary>
    private async Task BringToAsync(string patient, JsonElement invoice, string state)
    {
        var invoiceId = invoice.GetProperty("id").GetString()!;
        if (state is "paid" or "refunded")
        {
            var paid = await Client.SendAsync(Post($"/api/me/invoices/{invoiceId}/pay",
                new { paymentToken = "tok_approve" }, "pay-first").As(patient));
            await PollUntilSettledAsync(patient, paid.Headers.Location!.OriginalString);
        }

        if (state is "refunded" or "void")
        {
            await Client.SendAsync(Post(
                $"/api/appointments/{invoice.GetProperty("appointmentId").GetString()}/cancel", new { }).As(patient));
        }

        var reached = await PollUntilAsync(patient, invoiceId, state);
        Assert.Equal(state, reached.GetProperty("status").GetString());
    }

    private async Task<JsonElement> PollUntilAsync(string patient, string invoiceId, string status)
    {
        var deadline = DateTimeOffset.UtcNow + PaymentDeadline;
        while (true)
        {
            var invoice = await (await Client.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient)))
                .JsonAsync();
            if (invoice.GetProperty("status").GetString() == status || DateTimeOffset.UtcNow > deadline)
                return invoice;

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task<JsonElement> BookAndFindInvoiceAsync(
        string patient, int slotIndex, string doctor = Doctor)
    {
        var free = await FutureSlots.FindAsync(Client, doctor, weeksAhead: 3);
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = doctor, start = free[slotIndex] }).As(patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = (await booked.JsonAsync()).GetProperty("id").GetString();

        var listed = await Client.SendAsync(Get("/api/me/invoices").As(patient));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("no-store", listed.Headers.CacheControl!.ToString());
        return await Invoices.WaitForAsync(Client, patient, appointmentId!);
    }

    /// <summary>
    /// The alert of <paramref name="eventName"/> about the invoice, once the alerts table lists it: alerts are
    /// stored by a background writer, a moment after they are raised.
    /// </summary>
    private async Task<JsonElement?> WaitForAlertAsync(string eventName, string invoiceId)
    {
        var deadline = DateTimeOffset.UtcNow + AlertDeadline;
        do
        {
            var listed = await (await Client.SendAsync(Get("/api/admin/alerts").As("demo-admin"))).JsonAsync();
            foreach (var alert in listed.GetProperty("alerts").EnumerateArray())
            {
                if (alert.GetProperty("eventName").GetString() == eventName
                    && alert.GetProperty("summary").GetString()!.Contains(invoiceId, StringComparison.Ordinal))
                    return alert.Clone();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        while (DateTimeOffset.UtcNow < deadline);

        return null;
    }

    /// <summary>The invoice's payment orchestrations in the Durable host, running or ended.</summary>
    private async Task<List<OrchestrationMetadata>> PaymentsOfAsync(string invoiceId)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = $"pay-{invoiceId}-" };
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in _host.Services.GetRequiredService<DurableTaskClient>()
            .GetAllInstancesAsync(query))
        {
            found.Add(instance);
        }

        return found;
    }

    private async Task WaitForOrchestrationAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(PaymentDeadline);
        await _host.Services.GetRequiredService<DurableTaskClient>()
            .WaitForInstanceCompletionAsync(instanceId, timeout.Token);
    }

    private async Task<JsonElement> ReadInvoiceAsync(string patient, string invoiceId) =>
        await (await Client.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient))).JsonAsync();

    /// <summary>Reads the invoice until its payment is no longer pending, for at most the deadline.</summary>
    private async Task<JsonElement> PollUntilSettledAsync(string patient, string location)
    {
        var deadline = DateTimeOffset.UtcNow + PaymentDeadline;
        while (true)
        {
            var read = await Client.SendAsync(Get(location).As(patient));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var invoice = await read.JsonAsync();
            var status = invoice.GetProperty("status").GetString();
            if (status is not ("open" or "payment-pending"))
                return invoice;

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The payment was still {status} after the deadline.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
