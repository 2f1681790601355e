using Hospital.Web.Components.Billing;
using Hospital.Web.Components.Tests.Infrastructure;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>The draft invoice's line form: its own rules, what it sends, and the API's messages beside the fields.</summary>
public sealed class InvoiceLineFormTests : ComponentTestContext
{
    [Fact]
    public void Validate_AnEmptyLine_NamesDescriptionAndUnitPrice_AndABadQuantity()
    {
        var errors = new InvoiceLineModel { Quantity = "0" }.Validate();

        Assert.Equal(["description", "quantity", "unitPrice"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("80", "80")]
    [InlineData("1,250.50", "1250.50")]
    [InlineData(" 0 ", "0")]
    public void ParseAmount_ReadsAmountsWithAtMostTwoDecimals(string typed, string read)
    {
        Assert.Equal(decimal.Parse(read, System.Globalization.CultureInfo.InvariantCulture), InvoiceText.ParseAmount(typed));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1.005")]
    [InlineData("5 EUR")]
    [InlineData("")]
    public void ParseAmount_RefusesWhatIsNotAnAmount(string typed)
    {
        Assert.Null(InvoiceText.ParseAmount(typed));
    }

    [Fact]
    public async Task Adding_SendsTheTrimmedLine_AndReportsTheInvoice()
    {
        Server.Answer("AddInvoiceLine", InvoiceJson.Payload("addInvoiceLine", InvoiceJson.Detail("DRAFT", 105m, 0m)));
        InvoiceChange? saved = null;
        var form = Render<InvoiceLineForm>(p => p
            .Add(f => f.InvoiceId, InvoiceJson.InvoiceId)
            .Add(f => f.Model, new InvoiceLineModel())
            .Add(f => f.OnSaved, change => saved = change));

        form.Find("#line-description").Change("  X-ray, chest ");
        form.Find("#line-code").Change("XR");
        form.Find("#line-quantity").Change("2");
        form.Find("#line-unitPrice").Change("40.50");
        await form.Find("form").SubmitAsync();

        var sent = Assert.Single(Server.Sent);
        Assert.Equal(("X-ray, chest", "XR", "2", "40.50"), (sent.Variable("description"), sent.Variable("code"), sent.Variable("quantity"), sent.Variable("unitPrice")));
        Assert.Equal(105m, saved!.Invoice!.Total);
    }

    [Fact]
    public async Task TheApisMessages_AreShownBesideTheirFields_AndTheFormStays()
    {
        Server.Answer("UpdateInvoiceLine", InvoiceJson.Payload("updateInvoiceLine", null, """{"__typename":"ValidationError","message":"InvoiceLine.Description: must be at most 200 characters","fields":[{"field":"description","message":"must be at most 200 characters"}]}"""));
        InvoiceChange? saved = null;
        var form = Render<InvoiceLineForm>(p => p
            .Add(f => f.InvoiceId, InvoiceJson.InvoiceId)
            .Add(f => f.LineId, "SW52b2ljZUxpbmU6MQ==")
            .Add(f => f.Model, new InvoiceLineModel { Description = "Consultation", Quantity = "1", UnitPrice = "80" })
            .Add(f => f.OnSaved, change => saved = change));

        await form.Find("form").SubmitAsync();

        Assert.Equal("UpdateInvoiceLine", Assert.Single(Server.Sent).Operation);
        Assert.Equal("Must be at most 200 characters.", form.Find("[data-field=description]").TextContent);
        Assert.Equal("true", form.Find("#line-description").GetAttribute("aria-invalid"));
        Assert.Null(saved);
    }

    [Fact]
    public async Task AnInvoiceNoLongerADraft_SaysSo()
    {
        Server.Answer("AddInvoiceLine", InvoiceJson.Payload("addInvoiceLine", null, """{"__typename":"InvalidTransitionError","message":"The invoice is Issued; its lines can no longer change."}"""));
        var form = Render<InvoiceLineForm>(p => p
            .Add(f => f.InvoiceId, InvoiceJson.InvoiceId)
            .Add(f => f.Model, new InvoiceLineModel { Description = "Dressing", Quantity = "1", UnitPrice = "5" }));

        await form.Find("form").SubmitAsync();

        Assert.Equal("The invoice is Issued; its lines can no longer change.", form.Find("[data-testid=line-error]").TextContent);
    }
}
