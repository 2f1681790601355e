using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>A critical result on a doctor's order alerts that doctor at once, on whatever page they are.</summary>
public sealed class CriticalResultAlertTests(HospitalWebApp app)
{
    [Fact]
    public async Task ACriticalResult_OnTheDoctorsOrder_AlertsThemLive_WithALinkToTheChart()
    {
        // Arrange: the signed-in doctor's own order for a patient, and the doctor on the home page.
        var me = await app.GraphQLAsync("{ me { staffMember { id } } patients(first: 3, order: [{ firstName: ASC }]) { nodes { id fullName } } }", asUser: "doctor");
        var doctorId = (string)me["data"]!["me"]!["staffMember"]!["id"]!;
        var patient = me["data"]!["patients"]!["nodes"]![2]!;
        var ordered = await app.GraphQLAsync(
            "mutation ($patient: ID!, $doctor: ID!) { orderLabTest(input: { patientId: $patient, orderedById: $doctor, testCode: \"GLU\", testName: \"Glucose\", priority: STAT }) { labOrder { id } errors { ... on Error { message } } } }",
            new { patient = (string)patient["id"]!, doctor = doctorId },
            asUser: "doctor");
        var orderId = (string)ordered["data"]!["orderLabTest"]!["labOrder"]!["id"]!;
        await using var ui = await UiSession.StartAsync(app, userName: "doctor");
        await app.ExpectSubscriptionAsync("LabResultAdded", () => ui.GotoAsync(""));

        // Act: the laboratory works the order, elsewhere, to a critical value.
        await app.GraphQLAsync("mutation ($id: ID!) { collectLabSpecimen(input: { labOrderId: $id }) { errors { __typename } } }", new { id = orderId }, asUser: "nurse");
        await app.GraphQLAsync("mutation ($id: ID!) { startLabAnalysis(input: { labOrderId: $id }) { errors { __typename } } }", new { id = orderId }, asUser: "nurse");
        var recorded = await app.GraphQLAsync(
            "mutation ($id: ID!) { recordLabResults(input: { labOrderId: $id, results: [{ analyte: \"Glucose\", value: \"1.2\", numericValue: 1.2, unit: \"mmol/L\", referenceLow: 3.9, referenceHigh: 5.6 }] }) { errors { __typename } } }",
            new { id = orderId },
            asUser: "doctor");
        Assert.Null(recorded["data"]!["recordLabResults"]!["errors"]);

        // Assert: the alert names the result and the patient, and its link opens the chart.
        var alert = ui.Page.GetByTestId("critical-alert").Filter(new() { HasTextString = (string)patient["fullName"]! });
        await Expect(alert).ToContainTextAsync("Critical result: Glucose 1.2 mmol/L");
        await ui.AssertAccessibleAsync("home with a critical result alert");
        await ui.ScreenshotAsync("critical-result-alert");
        await alert.GetByRole(AriaRole.Link, new() { Name = (string)patient["fullName"]! }).ClickAsync();
        await Expect(ui.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/patients/"));
        Assert.Empty(ui.Errors);
    }
}
