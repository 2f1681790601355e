using Hospital.Web.Components.Pages.Billing;
using Hospital.Web.Components.Tests.Infrastructure;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>The invoice page's steps: what each status offers, and a change someone else's change got in the way of.</summary>
public sealed class InvoiceDetailPageTests : ComponentTestContext
{
    public InvoiceDetailPageTests() => SignInAs("Receptionist");

    [Fact]
    public void ADraft_OffersIssueAddLineAndVoid_NotPayment()
    {
        Server.Answer("GetInvoice", $$"""{"invoice":{{InvoiceJson.Detail("DRAFT", 80m, 0m)}}}""");

        var page = Render<InvoiceDetail>(p => p.Add(x => x.Id, InvoiceJson.InvoiceId));

        page.WaitForElement("[data-testid=invoice-status]");
        Assert.Equal("Draft", page.Find("[data-testid=invoice-status]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=issue-invoice]"));
        Assert.NotEmpty(page.FindAll("[data-testid=add-line]"));
        Assert.NotEmpty(page.FindAll("[data-testid=void-invoice]"));
        Assert.Empty(page.FindAll("[data-testid=take-payment]"));
        Assert.Equal(2, page.FindAll("[data-testid=invoice-line] button").Count);
    }

    [Fact]
    public void APartlyPaidInvoice_OffersPaymentAndPrint_NotVoidOrLineChanges()
    {
        Server.Answer("GetInvoice", $$"""{"invoice":{{InvoiceJson.Detail("PARTIALLY_PAID", 80m, 30m)}}}""");

        var page = Render<InvoiceDetail>(p => p.Add(x => x.Id, InvoiceJson.InvoiceId));

        page.WaitForElement("[data-testid=invoice-status]");
        Assert.Equal("50.00", page.Find("[data-testid=invoice-balance]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=take-payment]"));
        Assert.NotEmpty(page.FindAll("[data-testid=print-invoice]"));
        Assert.Empty(page.FindAll("[data-testid=void-invoice]"));
        Assert.Empty(page.FindAll("[data-testid=add-line]"));
        Assert.Empty(page.FindAll("[data-testid=invoice-line] button"));
    }

    [Fact]
    public async Task IssuingWhileSomeoneElseChangesIt_LoadsTheInvoiceAgain_AndSaysWhy()
    {
        Server.Answer("GetInvoice", $$"""{"invoice":{{InvoiceJson.Detail("DRAFT", 80m, 0m)}}}""")
            .Answer("IssueInvoice", InvoiceJson.Payload("issueInvoice", null, """{"__typename":"ConcurrencyError","message":"Someone else changed the record.","currentVersion":null,"changedFields":[]}"""))
            .Answer("GetInvoice", $$"""{"invoice":{{InvoiceJson.Detail("ISSUED", 80m, 0m)}}}""");
        var page = Render<InvoiceDetail>(p => p.Add(x => x.Id, InvoiceJson.InvoiceId));
        page.WaitForElement("[data-testid=issue-invoice]");

        await page.Find("[data-testid=issue-invoice]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Issued", page.Find("[data-testid=invoice-status]").TextContent));
        Assert.Contains(Hospital.Web.Components.Billing.InvoiceChange.ConflictText, page.Find("[data-testid=invoice-notice]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["GetInvoice", "IssueInvoice", "GetInvoice"], Server.Sent.Select(s => s.Operation));
    }

    [Fact]
    public async Task Issuing_ShowsTheIssuedInvoice_WithoutLoadingItAgain()
    {
        Server.Answer("GetInvoice", $$"""{"invoice":{{InvoiceJson.Detail("DRAFT", 80m, 0m)}}}""")
            .Answer("IssueInvoice", InvoiceJson.Payload("issueInvoice", InvoiceJson.Detail("ISSUED", 80m, 0m)));
        var page = Render<InvoiceDetail>(p => p.Add(x => x.Id, InvoiceJson.InvoiceId));
        page.WaitForElement("[data-testid=issue-invoice]");

        await page.Find("[data-testid=issue-invoice]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Issued", page.Find("[data-testid=invoice-status]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=take-payment]"));
        Assert.Empty(page.FindAll("[data-testid=invoice-notice]"));
        Assert.Equal(["GetInvoice", "IssueInvoice"], Server.Sent.Select(s => s.Operation));
    }
}
