using Hospital.Web.Components.Patients;
using Hospital.Web.Components.Tests.Infrastructure;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Tests.Patients;

/// <summary>The lab's next step on a pending order, on the patient's chart.</summary>
public sealed class LabOrderStepsTests : ComponentTestContext
{
    private const string OrderId = "TGFiT3JkZXI6Nw==";

    public LabOrderStepsTests() => SignInAs("Doctor");

    [Fact]
    public void ANurse_CollectsAndStarts_ButDoesNotRecordTheResult()
    {
        using var nurse = new NurseContext();

        Assert.Equal(["Specimen collected"], nurse.StepsOf(LabOrderStatus.Ordered));
        Assert.Equal(["Start analysis"], nurse.StepsOf(LabOrderStatus.Collected));
        Assert.Empty(nurse.StepsOf(LabOrderStatus.InProgress));
    }

    [Theory]
    [InlineData(LabOrderStatus.Ordered, "Specimen collected")]
    [InlineData(LabOrderStatus.Collected, "Start analysis")]
    [InlineData(LabOrderStatus.InProgress, "Record result…")]
    public void EachStatus_OffersOnlyItsNextStep(LabOrderStatus status, string step)
    {
        var steps = Render(status);

        Assert.Equal([step], steps.FindAll("button .rz-button-text").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void AResultedOrder_OffersNoStep()
    {
        var steps = Render(LabOrderStatus.Resulted);

        Assert.Empty(steps.FindAll("button"));
    }

    [Fact]
    public async Task SpecimenCollected_SendsTheStep_AndTellsTheUser()
    {
        Server.Answer("CollectLabSpecimen", $$$"""{"collectLabSpecimen":{"labOrder":{"id":"{{{OrderId}}}","status":"COLLECTED"},"errors":[]}}""");
        var steps = Render(LabOrderStatus.Ordered);

        await steps.Find("button").ClickAsync(new());

        Assert.Equal(OrderId, Assert.Single(Server.Sent).Variable("id"));
        var notice = Assert.Single(Notifications.Messages);
        Assert.Equal(NotificationSeverity.Success, notice.Severity);
        Assert.Equal("Potassium: specimen collected", notice.Summary);
        Assert.Empty(steps.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task ARefusedStep_ShowsWhy_AndNotifiesNothing()
    {
        Server.Answer("StartLabAnalysis", """{"startLabAnalysis":{"labOrder":null,"errors":[{"__typename":"InvalidTransitionError","message":"The specimen has not been collected."}]}}""");
        var steps = Render(LabOrderStatus.Collected);

        await steps.Find("button").ClickAsync(new());

        Assert.Equal("The specimen has not been collected.", steps.Find("[role=alert]").TextContent);
        Assert.Empty(Notifications.Messages);
    }

    [Fact]
    public async Task RecordingWithoutAValue_AsksForIt_AndSendsNothing()
    {
        var steps = OpenResultForm();

        await steps.Find("form").SubmitAsync();

        Assert.Equal("Enter the value.", steps.Find("[role=alert]").TextContent);
        Assert.Equal("true", steps.Find($"[id='value-{OrderId}']").GetAttribute("aria-invalid"));
        Assert.Empty(Server.Sent);
    }

    [Theory]
    [InlineData("low", "3.5 mmol")]
    [InlineData("high", "five")]
    public async Task AReferenceRangeInWords_IsRefused_AndNothingIsSent(string bound, string text)
    {
        var steps = OpenResultForm();
        await steps.Find($"[id='value-{OrderId}']").InputAsync(new ChangeEventArgs { Value = "4.1" });
        await steps.Find($"[id='{bound}-{OrderId}']").ChangeAsync(new ChangeEventArgs { Value = text });

        await steps.Find("form").SubmitAsync();

        Assert.Equal("The reference range takes numbers, e.g. 3.5 and 5.1.", steps.Find("[role=alert]").TextContent);
        Assert.Empty(Server.Sent);
    }

    [Fact]
    public async Task TypingAfterTheMissingValueMessage_ClearsIt()
    {
        var steps = OpenResultForm();
        await steps.Find("form").SubmitAsync();

        await steps.Find($"[id='value-{OrderId}']").InputAsync(new ChangeEventArgs { Value = "4" });

        Assert.Empty(steps.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task ANumericResult_IsSentWithItsNumberUnitAndRange_AndTheFormCloses()
    {
        Server.Answer("RecordLabResult", $$$"""{"recordLabResults":{"labOrder":{"id":"{{{OrderId}}}","status":"RESULTED"},"errors":null}}""");
        var steps = OpenResultForm();
        await steps.Find($"[id='value-{OrderId}']").InputAsync(new ChangeEventArgs { Value = " 5.9 " });
        await steps.Find($"[id='unit-{OrderId}']").ChangeAsync(new ChangeEventArgs { Value = " mmol/L " });
        await steps.Find($"[id='low-{OrderId}']").ChangeAsync(new ChangeEventArgs { Value = "3.5" });
        await steps.Find($"[id='high-{OrderId}']").ChangeAsync(new ChangeEventArgs { Value = "5.1" });

        await steps.Find("form").SubmitAsync();

        var request = Assert.Single(Server.Sent);
        Assert.Equal(OrderId, request.Variable("id"));
        var result = request.Variables.GetProperty("result");
        Assert.Equal("Potassium", result.GetProperty("analyte").GetString());
        Assert.Equal("5.9", result.GetProperty("value").GetString());
        Assert.Equal(5.9m, result.GetProperty("numericValue").GetDecimal());
        Assert.Equal("mmol/L", result.GetProperty("unit").GetString());
        Assert.Equal(3.5m, result.GetProperty("referenceLow").GetDecimal());
        Assert.Equal(5.1m, result.GetProperty("referenceHigh").GetDecimal());
        Assert.Empty(steps.FindAll("form"));
        Assert.Equal("Potassium: result recorded", Assert.Single(Notifications.Messages).Summary);
    }

    [Fact]
    public async Task AResultInWords_IsKeptAsWritten_WithoutANumber()
    {
        Server.Answer("RecordLabResult", """{"recordLabResults":{"labOrder":null,"errors":[{"__typename":"ValidationError","message":"The order was cancelled meanwhile."}]}}""");
        var steps = OpenResultForm();
        await steps.Find($"[id='value-{OrderId}']").InputAsync(new ChangeEventArgs { Value = "negative" });

        await steps.Find("form").SubmitAsync();

        var result = Assert.Single(Server.Sent).Variables.GetProperty("result");
        Assert.Equal("negative", result.GetProperty("value").GetString());
        Assert.False(result.TryGetProperty("numericValue", out var number) && number.ValueKind != System.Text.Json.JsonValueKind.Null);
        // Refused: the form stays open with the server's words, so the entry is not lost.
        Assert.Equal("The order was cancelled meanwhile.", steps.Find("[role=alert]").TextContent);
        Assert.Single(steps.FindAll("form"));
    }

    private IRenderedComponent<LabOrderSteps> Render(LabOrderStatus status) =>
        Render<LabOrderSteps>(p => p.Add(c => c.OrderId, OrderId).Add(c => c.TestName, "Potassium").Add(c => c.Status, status));

    private IRenderedComponent<LabOrderSteps> OpenResultForm()
    {
        var steps = Render(LabOrderStatus.InProgress);
        steps.Find("button").Click();
        return steps;
    }

    private sealed class NurseContext : ComponentTestContext
    {
        public NurseContext() => SignInAs("Nurse");

        public IEnumerable<string> StepsOf(LabOrderStatus status) =>
            Render<LabOrderSteps>(p => p.Add(c => c.OrderId, OrderId).Add(c => c.TestName, "Potassium").Add(c => c.Status, status))
                .FindAll("button .rz-button-text").Select(b => b.TextContent.Trim()).ToList();
    }
}
