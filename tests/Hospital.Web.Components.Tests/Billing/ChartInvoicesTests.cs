using Hospital.Web.Components.Patients;
using Hospital.Web.Components.Tests.Infrastructure;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>The chart's invoices tab: lines and payments on demand, and "Create invoice" for what is not billed yet.</summary>
public sealed class ChartInvoicesTests : ComponentTestContext
{
    [Fact]
    public async Task CreatingAnInvoice_OpensTheNewDraft()
    {
        Server.Answer("CreateInvoice", """{"createInvoice":{"invoice":{"id":"SW52b2ljZTo5","number":"INV-2026-000009"},"errors":null}}""");
        var tab = Render(BillableTests.Chart(appointments: [BillableTests.Visit("A1", "COMPLETED", "2026-11-12T09:00:00Z")], admissions: [], invoices: []));

        await tab.Find("[data-testid=unbilled-item] button").ClickAsync(new());

        var sent = Assert.Single(Server.Sent);
        Assert.Equal("A1", sent.Variable("appointmentId"));
        Assert.True(!sent.Variables.TryGetProperty("admissionId", out var stay) || stay.ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.EndsWith("/invoices/SW52b2ljZTo5", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitBilledMeanwhile_SaysSo_AndLinksToItsInvoice()
    {
        Server.Answer("CreateInvoice", """{"createInvoice":{"invoice":null,"errors":[{"__typename":"AlreadyInvoicedError","message":"The visit is already billed on INV-2026-000007.","invoiceNumber":"INV-2026-000007"}]}}""")
            .Answer("FindInvoiceByNumber", """{"invoices":{"nodes":[{"id":"SW52b2ljZTo3"}]}}""");
        var tab = Render(BillableTests.Chart(appointments: [BillableTests.Visit("A1", "COMPLETED", "2026-11-12T09:00:00Z")], admissions: [], invoices: []));

        await tab.Find("[data-testid=unbilled-item] button").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Contains("already billed on INV-2026-000007", tab.Find("[data-testid=create-invoice-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("invoices/SW52b2ljZTo3", tab.Find("[data-testid=create-invoice-error] a").GetAttribute("href"));
        Assert.Equal("FindInvoiceByNumber", Server.Sent[^1].Operation);
        Assert.Equal("INV-2026-000007", Server.Sent[^1].Variable("number"));
    }

    [Fact]
    public async Task AnInvoicesLinesAndPayments_ShowOnDemand()
    {
        var tab = Render(BillableTests.Chart(appointments: [], admissions: [], invoices: [BillableTests.Invoice("PAID", appointment: "A1")]));
        Assert.Empty(tab.FindAll("[data-testid=chart-invoice-detail]"));
        var toggle = tab.Find("[data-testid=chart-invoice] button");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        await toggle.ClickAsync(new());

        Assert.Single(tab.FindAll("[data-testid=chart-invoice-detail]"));
        Assert.Equal("true", tab.Find("[data-testid=chart-invoice] button").GetAttribute("aria-expanded"));
        Assert.Contains("No payments.", tab.Find("[data-testid=chart-invoice-detail]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ChartInvoices> Render(IGetPatientChart_Patient patient) => Render<ChartInvoices>(p => p
        .Add(c => c.Invoices, patient.Invoices!)
        .Add(c => c.Appointments, patient.Appointments)
        .Add(c => c.Admissions, patient.Admissions));
}
