using System.Text.Json.Nodes;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>The front desk's billing through the API, on each provider: visit → invoice → issue → payments → refund, and each typed error.</summary>
public abstract partial class LiveApiTests
{
    private const string InvoiceFields = "id number status total amountPaid balance dueDate voidReason appointment { id } lines { id code description quantity unitPrice amount } payments { id amount method reference refunds { amount reason } }";

    private static string Errors(string extra = "") =>
        $"errors {{ __typename ... on Error {{ message }} {extra} }}";

    [Fact]
    public async Task Billing_AVisitIsInvoiced_Issued_PaidInParts_AndRefunded()
    {
        var (appointment, doctorId) = await CompletedAppointmentAsync();
        var fee = await ConsultationFeeAsync(doctorId);

        var created = await BillingAsync("createInvoice", "appointmentId: $id", new { id = appointment });
        Assert.Equal("DRAFT", (string?)created["status"]);
        Assert.Equal(appointment, (string?)created["appointment"]!["id"]);
        Assert.Matches(@"^INV-\d{4}-\d{6}$", (string?)created["number"]);
        var consultation = created["lines"]!.AsArray().Single()!;
        Assert.Equal(("CONS", 1, fee), ((string?)consultation["code"], (int)consultation["quantity"]!, (decimal)consultation["unitPrice"]!));
        var invoice = (string)created["id"]!;

        var withXray = await BillingAsync("addInvoiceLine", "invoiceId: $id, description: \"Chest X-ray\", code: \"XR-CH\", quantity: 1, unitPrice: 80", new { id = invoice });
        Assert.Equal(fee + 80m, (decimal)withXray["total"]!);

        var issued = await BillingAsync("issueInvoice", "invoiceId: $id", new { id = invoice });
        Assert.Equal(("ISSUED", fee + 80m), ((string?)issued["status"], (decimal)issued["balance"]!));
        Assert.NotNull((string?)issued["dueDate"]);

        var locked = await BillingErrorAsync("addInvoiceLine", "invoiceId: $id, description: \"Late line\", quantity: 1, unitPrice: 5", new { id = invoice });
        Assert.Equal("InvalidTransitionError", (string?)locked["__typename"]);

        var card = await BillingAsync("recordPayment", "invoiceId: $id, amount: 50, method: CARD, reference: \"slip 4711\"", new { id = invoice });
        Assert.Equal(("PARTIALLY_PAID", fee + 30m), ((string?)card["status"], (decimal)card["balance"]!));

        var tooMuch = await BillingErrorAsync("recordPayment", "invoiceId: $id, amount: 100000, method: CASH", new { id = invoice }, "... on PaymentExceedsBalanceError { code balance }");
        Assert.Equal(("PaymentExceedsBalanceError", "PAYMENT_EXCEEDS_BALANCE", fee + 30m), ((string?)tooMuch["__typename"], (string?)tooMuch["code"], (decimal)tooMuch["balance"]!));

        var paid = await BillingAsync("recordPayment", "invoiceId: $id, amount: $amount, method: CASH", new { id = invoice, amount = fee + 30m }, "$amount: Decimal!");
        Assert.Equal(("PAID", 0m), ((string?)paid["status"], (decimal)paid["balance"]!));

        var cardPayment = (string)paid["payments"]!.AsArray().Single(p => (string?)p!["method"] == "CARD")!["id"]!;
        var overRefund = await BillingErrorAsync("refundPayment", "paymentId: $id, amount: 50.01, reason: \"overcharged\"", new { id = cardPayment }, "... on RefundExceedsPaymentError { refundable }");
        Assert.Equal(("RefundExceedsPaymentError", 50m), ((string?)overRefund["__typename"], (decimal)overRefund["refundable"]!));

        var refunded = await BillingAsync("refundPayment", "paymentId: $id, amount: 20, reason: \"X-ray not taken\"", new { id = cardPayment });
        Assert.Equal(("PARTIALLY_PAID", 20m), ((string?)refunded["status"], (decimal)refunded["balance"]!));
        Assert.Equal("X-ray not taken", (string?)refunded["payments"]!.AsArray().Single(p => (string?)p!["id"] == cardPayment)!["refunds"]![0]!["reason"]);

        var again = await BillingErrorAsync("createInvoice", "appointmentId: $id", new { id = appointment }, "... on AlreadyInvoicedError { invoiceNumber }");
        Assert.Equal(("AlreadyInvoicedError", (string?)created["number"]), ((string?)again["__typename"], (string?)again["invoiceNumber"]));

        // What the database holds agrees with the payload: balance = total − payments + refunds.
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var key = (int)NodeIds.DecodeKey(invoice, "Invoice", typeof(int));
        var stored = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == key, Ct);
        var payments = await db.Payments.Where(p => p.InvoiceId == key).SumAsync(p => p.Amount, Ct);
        var refunds = await db.Refunds.Where(r => r.Payment!.InvoiceId == key).SumAsync(r => r.Amount, Ct);
        Assert.Equal((fee + 80m, payments - refunds), (stored.Total, stored.AmountPaid));
    }

    [Fact]
    public async Task Billing_OnlyACompletedVisit_AndExactlyOneSource_CanBeInvoiced()
    {
        var (scheduled, _) = await ScheduledAppointmentAsync();

        var notYet = await BillingErrorAsync("createInvoice", "appointmentId: $id", new { id = scheduled });
        var neither = await BillingErrorAsync("createInvoice", "appointmentId: null", new { });

        Assert.Equal("InvalidTransitionError", (string?)notYet["__typename"]);
        Assert.Contains("only a completed visit", (string?)notYet["message"]);
        Assert.Equal("ValidationError", (string?)neither["__typename"]);
        Assert.Contains("exactly one of appointmentId and admissionId", (string?)neither["message"]);
    }

    [Fact]
    public async Task Billing_AStay_IsBilledByTheDay_AndAVoidedInvoiceFreesItToBeBilledAgain()
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var admission = await db.Admissions.AsNoTracking()
            .Where(a => a.DischargedAt == null && !db.Invoices.Any(i => i.AdmissionId == a.Id))
            .OrderByDescending(a => a.Id).FirstAsync(Ct);
        var nights = Math.Max(1, (int)Math.Ceiling((DateTime.UtcNow - admission.AdmittedAt).TotalDays));
        var id = NodeIds.Encode("Admission", admission.Id);

        var stay = await BillingAsync("createInvoice", "admissionId: $id", new { id });
        var lines = stay["lines"]!.AsArray();
        Assert.Equal([("BED", nights), ("NURS", nights)], lines.Select(l => ((string)l!["code"]!, (int)l["quantity"]!)));

        var noReason = await BillingErrorAsync("voidInvoice", "invoiceId: $id, reason: \" \"", new { id = (string)stay["id"]! });
        Assert.Equal("ValidationError", (string?)noReason["__typename"]);
        var voided = await BillingAsync("voidInvoice", "invoiceId: $id, reason: \"Billed before the transfer\"", new { id = (string)stay["id"]! });
        Assert.Equal(("VOID", "Billed before the transfer"), ((string?)voided["status"], (string?)voided["voidReason"]));

        var rebilled = await BillingAsync("createInvoice", "admissionId: $id", new { id });
        Assert.NotEqual((string?)stay["number"], (string?)rebilled["number"]);
    }

    [Fact]
    public async Task Billing_TwoClerksBillingOneVisitAtOnce_MakeOneInvoice()
    {
        var (appointment, _) = await CompletedAppointmentAsync();
        var token = await Api.AccessTokenAsync("reception");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.PostWithTokenAsync(
            token,
            $"mutation ($id: ID!) {{ createInvoice(input: {{ appointmentId: $id }}) {{ invoice {{ id }} {Errors()} }} }}",
            new { id = appointment })));

        Assert.All(results, r => Assert.Null(r["errors"]));
        var made = results.Count(r => r["data"]!["createInvoice"]!["invoice"] is not null);
        var refused = results.Select(r => (string?)r["data"]!["createInvoice"]!["errors"]?[0]?["__typename"]).Where(t => t is not null).ToList();
        Assert.Equal(1, made);
        Assert.All(refused, t => Assert.Contains(t, new[] { "AlreadyInvoicedError", "ConcurrencyError" }));
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var key = (int)NodeIds.DecodeKey(appointment, "Appointment", typeof(int));
        Assert.Equal(1, await db.Invoices.CountAsync(i => i.AppointmentId == key, Ct));
    }

    [Fact]
    public async Task Billing_AnInvoiceThatNamesOnlyTheVisitsEncounter_BillsThatVisit()
    {
        // Invoices from before appointment_id (the seeded ones among them) name the encounter of the visit they bill.
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var old = await db.Invoices.AsNoTracking()
            .Where(i => i.AppointmentId == null && i.Status != InvoiceStatus.Void && i.Encounter!.AppointmentId != null)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Number, Visit = i.Encounter!.AppointmentId!.Value }).FirstAsync(Ct);
        var visit = NodeIds.Encode("Appointment", old.Visit);

        var read = await Api.PostAsAsync("reception", "query ($id: ID!) { invoice(id: $id) { appointment { id } } }", new { id = NodeIds.Encode("Invoice", old.Id) });
        var again = await BillingErrorAsync("createInvoice", "appointmentId: $id", new { id = visit }, "... on AlreadyInvoicedError { invoiceNumber }");

        Assert.Equal(visit, (string?)read["data"]!["invoice"]!["appointment"]!["id"]);
        Assert.Equal(("AlreadyInvoicedError", old.Number), ((string?)again["__typename"], (string?)again["invoiceNumber"]));
    }

    /// <summary>Runs a billing mutation as the front desk and returns the invoice it answers with (failing on any error).</summary>
    private async Task<JsonNode> BillingAsync(string mutation, string input, object variables, string? declarations = null)
    {
        var payload = await BillingPayloadAsync(mutation, input, variables, declarations, "");
        Assert.True(payload["errors"] is null, payload.ToJsonString());
        return payload["invoice"]!;
    }

    /// <summary>Runs a billing mutation as the front desk and returns its first typed error.</summary>
    private async Task<JsonNode> BillingErrorAsync(string mutation, string input, object variables, string extra = "")
    {
        var payload = await BillingPayloadAsync(mutation, input, variables, null, extra);
        Assert.Null(payload["invoice"]);
        return payload["errors"]![0]!;
    }

    private async Task<JsonNode> BillingPayloadAsync(string mutation, string input, object variables, string? declarations, string extra)
    {
        var idVariable = input.Contains("$id", StringComparison.Ordinal) ? "$id: ID!" : null;
        var parameters = string.Join(", ", new[] { idVariable, declarations }.Where(p => p is not null));
        var result = await Api.PostAsAsync(
            "reception",
            $"mutation {(parameters.Length > 0 ? $"({parameters})" : "")} {{ {mutation}(input: {{ {input} }}) {{ invoice {{ {InvoiceFields} }} {Errors(extra)} }} }}",
            variables);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]![mutation]!;
    }

    /// <summary>A visit taken through check-in, start and completion by the people whose steps they are.</summary>
    private async Task<(string Id, string DoctorId)> CompletedAppointmentAsync()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();
        var doctor = await OwnDoctorTokenAsync(doctorId);
        foreach (var (mutation, token) in new[] { ("checkInAppointment", await Api.AccessTokenAsync("reception")), ("startAppointment", doctor), ("completeAppointment", doctor) })
        {
            var result = await Api.PostWithTokenAsync(token, $"mutation ($id: ID!) {{ {mutation}(input: {{ appointmentId: $id }}) {{ {Errors()} }} }}", new { id });
            Assert.True(result["errors"] is null && result["data"]![mutation]!["errors"] is null, result.ToJsonString());
        }

        return (id, doctorId);
    }

    private async Task<decimal> ConsultationFeeAsync(string doctorId)
    {
        var key = (int)NodeIds.DecodeKey(doctorId, "Doctor", typeof(int));
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        return await db.Doctors.Where(d => d.Id == key).Select(d => d.ConsultationFee).SingleAsync(Ct);
    }
}
