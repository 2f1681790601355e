using Hospital.Web.Components.Billing;
using Hospital.Web.Components.Tests.Infrastructure;
using Hospital.Web.GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>"Take payment", opened through Radzen's DialogService as the invoice page opens it.</summary>
public sealed class TakePaymentDialogTests : ComponentTestContext
{
    [Fact]
    public async Task Opens_WithTheBalanceAsTheAmount_AndTheFourMethods()
    {
        var (host, _) = await OpenAsync(balance: 120.5m);

        Assert.Equal("120.50", host.Find("#payment-amount").GetAttribute("value"));
        Assert.Equal(["Cash", "Card", "Insurance", "Bank transfer"], host.FindAll(".method-choice").Select(c => c.TextContent.Trim()));
        Assert.True(host.Find("input[value=Card]").HasAttribute("checked"));
    }

    [Theory]
    [InlineData("120.51", "At most the balance, 120.50.")]
    [InlineData("0", "Enter an amount such as 50 or 49.90.")]
    [InlineData("12.345", "Enter an amount such as 50 or 49.90.")]
    [InlineData("ten", "Enter an amount such as 50 or 49.90.")]
    public async Task AnAmountThatIsNotOwed_IsRefusedBesideTheField_WithoutAsking(string amount, string message)
    {
        var (host, closed) = await OpenAsync(balance: 120.5m);

        host.Find("#payment-amount").Change(amount);
        await host.Find("form").SubmitAsync();

        Assert.Equal(message, host.Find("[data-field=amount]").TextContent);
        Assert.Equal("true", host.Find("#payment-amount").GetAttribute("aria-invalid"));
        Assert.Contains("payment-amount-error", host.Find("#payment-amount").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(Server.Sent);
        Assert.False(closed.IsCompleted);
    }

    [Fact]
    public async Task Recording_SendsAmountMethodAndReference_AndClosesWithTheInvoice()
    {
        Server.Answer("RecordPayment", InvoiceJson.Payload("recordPayment", InvoiceJson.Detail("PARTIALLY_PAID", 120.5m, 20m)));
        var (host, closed) = await OpenAsync(balance: 120.5m);

        host.Find("#payment-amount").Change("20");
        host.Find("input[value=Cash]").Change(true);
        host.Find("#payment-reference").Change("  R-77 ");
        await host.Find("form").SubmitAsync();

        var sent = Assert.Single(Server.Sent);
        Assert.Equal(("RecordPayment", InvoiceJson.InvoiceId, "20", "CASH", "R-77"), (sent.Operation, sent.Variable("invoiceId"), sent.Variable("amount"), sent.Variable("method"), sent.Variable("reference")));
        var change = Assert.IsType<InvoiceChange>((object?)await closed);
        Assert.Equal((InvoiceStatus.PartiallyPaid, 100.5m), (change.Invoice!.Status, change.Invoice.Balance));
    }

    [Fact]
    public async Task APaymentOverWhatIsNowOwed_ShowsTheNewBalanceBesideTheAmount_AndStaysOpen()
    {
        // Someone else took a payment since the page loaded.
        Server.Answer("RecordPayment", InvoiceJson.Payload("recordPayment", null, """{"__typename":"PaymentExceedsBalanceError","message":"The payment is more than the balance.","balance":40.5}"""));
        var (host, closed) = await OpenAsync(balance: 120.5m);

        await host.Find("form").SubmitAsync();

        host.WaitForAssertion(() => Assert.Equal("More than the balance, which is now 40.50.", host.Find("[data-field=amount]").TextContent));
        Assert.Equal("40.50", host.Find("[data-testid=payment-balance]").TextContent);
        Assert.False(closed.IsCompleted);

        // The next try is checked against the new balance before it is sent.
        await host.Find("form").SubmitAsync();
        Assert.Equal("At most the balance, 40.50.", host.Find("[data-field=amount]").TextContent);
        Assert.Single(Server.Sent);
    }

    [Fact]
    public async Task AnInvalidReference_FromTheApi_IsShownBesideTheReference()
    {
        Server.Answer("RecordPayment", InvoiceJson.Payload("recordPayment", null, """{"__typename":"ValidationError","message":"Payment.Reference: must be at most 64 characters","fields":[{"field":"reference","message":"must be at most 64 characters"}]}"""));
        var (host, _) = await OpenAsync(balance: 10m);

        await host.Find("form").SubmitAsync();

        host.WaitForAssertion(() => Assert.Equal("Must be at most 64 characters.", host.Find("[data-field=reference]").TextContent));
        Assert.Empty(host.FindAll("[data-testid=payment-error]"));
    }

    [Fact]
    public async Task AConcurrentChange_ClosesWithAConflict_ForThePageToReload()
    {
        Server.Answer("RecordPayment", InvoiceJson.Payload("recordPayment", null, """{"__typename":"ConcurrencyError","message":"Someone else changed the record.","currentVersion":null,"changedFields":[]}"""));
        var (host, closed) = await OpenAsync(balance: 10m);

        await host.Find("form").SubmitAsync();

        var change = Assert.IsType<InvoiceChange>((object?)await closed);
        Assert.True(change.Conflict);
        Assert.Null(change.Invoice);
        Assert.Equal(InvoiceChange.ConflictText, change.Problem);
    }

    [Fact]
    public async Task AnUnreachableServer_SaysSo_AndKeepsTheForm()
    {
        Server.Unreachable("RecordPayment");
        var (host, closed) = await OpenAsync(balance: 10m);

        await host.Find("form").SubmitAsync();

        host.WaitForAssertion(() => Assert.Equal("The hospital server could not be reached. Check the connection and try again.", host.Find("[data-testid=payment-error]").TextContent));
        Assert.False(closed.IsCompleted);
    }

    private async Task<(IRenderedComponent<RadzenDialog> Host, Task<dynamic?> Closed)> OpenAsync(decimal balance)
    {
        var host = Render<RadzenDialog>();
        var dialogs = Services.GetRequiredService<DialogService>();
        Task<dynamic?> closed = null!;
        await host.InvokeAsync(() =>
        {
            closed = dialogs.OpenAsync<TakePaymentDialog>(
                "Take payment",
                new Dictionary<string, object?> { [nameof(TakePaymentDialog.InvoiceId)] = InvoiceJson.InvoiceId, [nameof(TakePaymentDialog.Number)] = "INV-2026-000042", [nameof(TakePaymentDialog.Balance)] = balance });
        });
        host.WaitForElement("[data-testid=payment-dialog]");
        return (host, closed);
    }
}
