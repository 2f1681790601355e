using Hospital.Web.Components.Appointments;
using Hospital.Web.Components.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Hospital.Web.Components.Tests.Appointments;

/// <summary>The schedule's details dialog: the steps it offers follow the API's allowedTransitions.</summary>
public sealed class AppointmentDetailsTests : ComponentTestContext
{
    // Most tests look at every step the API allows, so the user both runs the front desk and sees patients.
    public AppointmentDetailsTests() => SignInAs("Receptionist", "Doctor");

    [Theory]
    [InlineData("Receptionist", new[] { "Check in", "Cancel…", "No-show…" })]
    [InlineData("Doctor", new string[0])]
    [InlineData("Nurse", new string[0])]
    public void AScheduledAppointment_OffersOnlyTheStepsOfTheUsersRole(string role, string[] steps)
    {
        using var other = new AppointmentDetailsRoleContext(role);

        Assert.Equal(steps, other.StepsOf("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]));
    }

    [Fact]
    public void AnotherDoctorsAppointment_OffersTheDoctorNoStep()
    {
        using var other = new AppointmentDetailsRoleContext("Doctor", staffMember: "4");

        Assert.Empty(other.StepsOf("CHECKED_IN", ["IN_PROGRESS", "CANCELLED"]));
        Assert.Empty(other.StepsOf("IN_PROGRESS", ["COMPLETED"]));
    }

    [Theory]
    [InlineData("Doctor", new[] { "Start visit" })]
    [InlineData("Receptionist", new[] { "Cancel…" })]
    [InlineData("Admin", new string[0])]
    public void ACheckedInAppointment_OffersOnlyTheStepsOfTheUsersRole(string role, string[] steps)
    {
        using var other = new AppointmentDetailsRoleContext(role);

        Assert.Equal(steps, other.StepsOf("CHECKED_IN", ["IN_PROGRESS", "CANCELLED"]));
    }
    [Fact]
    public void AScheduledAppointment_OffersCheckInCancelAndNoShow_InTheApisOrder()
    {
        var details = Render("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]);

        Assert.Equal(["Check in", "Cancel…", "No-show…"], StepButtons(details));
        Assert.Equal(["step-checked-in", "step-cancelled", "step-no-show"], details.FindAll("[role=group] button[data-testid^=step-]").Select(b => b.GetAttribute("data-testid")));
    }

    [Fact]
    public void OnlyWhatTheApiAllows_IsOffered()
    {
        var details = Render("IN_PROGRESS", ["COMPLETED"]);

        Assert.Equal(["Complete visit"], StepButtons(details));
    }

    [Fact]
    public void AClosedAppointment_OffersNoStep_AndShowsItsReason()
    {
        var details = Render("CANCELLED", [], cancellationReason: "Patient moved away");

        Assert.Empty(details.FindAll("[role=group]"));
        Assert.Contains("Cancelled because", details.Markup, StringComparison.Ordinal);
        Assert.Contains("Patient moved away", details.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckingIn_ShowsTheReturnedAppointment_AndItsNextSteps()
    {
        Server.Answer("CheckInAppointment", $$$"""{"checkInAppointment":{"appointment":{{{AppointmentJson.Of("CHECKED_IN", ["IN_PROGRESS", "CANCELLED"], checkedInAt: "2026-11-18T09:28:00Z")}}},"errors":null}}""");
        var details = Render("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]);

        await details.Find("[data-testid=step-checked-in]").ClickAsync(new());

        Assert.Equal(AppointmentJson.Id, Assert.Single(Server.Sent).Variable("id"));
        Assert.Contains("Checked in", details.Find(".appt-details-status").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Start visit", "Cancel…"], StepButtons(details));
        Assert.Equal("Checked in at 09:30.", details.Find("[role=status]").TextContent);
        Assert.Equal("Ada Lovelace: checked in", Assert.Single(Notifications.Messages).Summary);
    }

    [Theory]
    [InlineData("step-cancelled", "Why is it cancelled?", "Enter why the appointment is cancelled.")]
    [InlineData("step-no-show", "Note on the no-show", "Enter a note on the no-show.")]
    public async Task CancelAndNoShow_AskForAReasonFirst_AndRefuseAnEmptyOne(string step, string question, string refusal)
    {
        var details = Render("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]);

        await details.Find($"[data-testid={step}]").ClickAsync(new());
        Assert.Equal(question, details.Find("label[for=appt-reason]").TextContent);
        Assert.Empty(details.FindAll("[role=group]"));
        await details.Find("[data-testid=reason]").InputAsync(new ChangeEventArgs { Value = "   " });
        await details.Find("[data-testid=confirm-step]").ClickAsync(new());

        Assert.Equal(refusal, details.Find("[data-testid=step-error]").TextContent);
        Assert.Equal("true", details.Find("[data-testid=reason]").GetAttribute("aria-invalid"));
        Assert.Empty(Server.Sent);
    }

    [Fact]
    public async Task Cancelling_SendsTheTrimmedReason_AndShowsItWithTheAppointment()
    {
        Server.Answer("CancelAppointment", $$$"""{"cancelAppointment":{"appointment":{{{AppointmentJson.Of("CANCELLED", [], cancellationReason: "Patient is abroad")}}},"errors":[]}}""");
        var details = Render("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]);
        await details.Find("[data-testid=step-cancelled]").ClickAsync(new());
        await details.Find("[data-testid=reason]").InputAsync(new ChangeEventArgs { Value = "  Patient is abroad " });

        await details.Find("[data-testid=confirm-step]").ClickAsync(new());

        var request = Assert.Single(Server.Sent);
        Assert.Equal("CancelAppointment", request.Operation);
        Assert.Equal("Patient is abroad", request.Variable("reason"));
        Assert.Empty(details.FindAll(".appt-reason-form"));
        Assert.Contains("Patient is abroad", details.Find(".appt-facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_LeavesTheReasonForm_WithoutAChange()
    {
        var details = Render("SCHEDULED", ["CHECKED_IN", "CANCELLED", "NO_SHOW"]);
        await details.Find("[data-testid=step-no-show]").ClickAsync(new());

        await details.FindAll(".appt-reason-form button").Single(b => b.TextContent.Trim() == "Back").ClickAsync(new());

        Assert.Equal(["Check in", "Cancel…", "No-show…"], StepButtons(details));
        Assert.Empty(Server.Sent);
    }

    [Fact]
    public async Task ARefusedStep_ShowsTheApisWords_AndKeepsTheStatus()
    {
        Server.Answer("StartAppointment", """{"startAppointment":{"appointment":null,"errors":[{"__typename":"InvalidTransitionError","message":"Only a checked-in appointment can start."}]}}""");
        var details = Render("CHECKED_IN", ["IN_PROGRESS"]);

        await details.Find("[data-testid=step-in-progress]").ClickAsync(new());

        Assert.Equal("Only a checked-in appointment can start.", details.Find("[data-testid=step-error]").TextContent);
        Assert.Contains("Checked in", details.Find(".appt-details-status").TextContent, StringComparison.Ordinal);
        Assert.Empty(Notifications.Messages);
    }

    [Fact]
    public async Task AGraphQLError_IsShownAsItsMessage()
    {
        Server.AnswerErrors("CompleteAppointment", "The appointment id is not valid.");
        var details = Render("IN_PROGRESS", ["COMPLETED"]);

        await details.Find("[data-testid=step-completed]").ClickAsync(new());

        Assert.Equal("The appointment id is not valid.", details.Find("[data-testid=step-error]").TextContent);
    }

    private IRenderedComponent<AppointmentDetails> Render(string status, string[] allowed, string? cancellationReason = null) =>
        Render<AppointmentDetails>(p => p.Add(c => c.Appointment, AppointmentJson.Read(AppointmentJson.Of(status, allowed, cancellationReason))));

    private static IEnumerable<string> StepButtons(IRenderedComponent<AppointmentDetails> details) =>
        details.FindAll("[role=group] button[data-testid^=step-] .rz-button-text").Select(b => b.TextContent.Trim());

    /// <summary>A context signed in with one role, for the role tests.</summary>
    private sealed class AppointmentDetailsRoleContext : ComponentTestContext
    {
        public AppointmentDetailsRoleContext(string role, string staffMember = "3") => SignInAsStaffMember(staffMember, role);

        public IEnumerable<string> StepsOf(string status, string[] allowed) =>
            StepButtons(Render<AppointmentDetails>(p => p.Add(c => c.Appointment, AppointmentJson.Read(AppointmentJson.Of(status, allowed, null))))).ToList();
    }
}
