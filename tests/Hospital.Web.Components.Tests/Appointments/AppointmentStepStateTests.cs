using Hospital.Web.Components.Appointments;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Appointments;

/// <summary>The details dialog's state, without the dialog.</summary>
public sealed class AppointmentStepStateTests
{
    [Fact]
    public void ClosingSteps_AskForAReason_OtherStepsGoAtOnce()
    {
        var state = new AppointmentStepState(null!);

        Assert.True(state.Choose(AppointmentStatus.CheckedIn));
        Assert.Null(state.ReasonFor);
        Assert.False(state.Choose(AppointmentStatus.NoShow));
        Assert.Equal(AppointmentStatus.NoShow, state.ReasonFor);
        state.Back();
        Assert.Null(state.ReasonFor);
    }

    [Fact]
    public void ABlankReason_IsRefused_WithWordsThatSayWhatIsMissing()
    {
        var state = new AppointmentStepState(null!);
        state.Choose(AppointmentStatus.Cancelled);
        state.Reason = "  ";

        Assert.False(state.Begin(AppointmentStatus.Cancelled));
        Assert.Equal("Enter why the appointment is cancelled.", state.Error);
        Assert.False(state.Busy);
    }

    [Fact]
    public void AFailedStep_KeepsTheAppointment_AndSaysWhy()
    {
        var state = new AppointmentStepState(null!);
        Assert.True(state.Begin(AppointmentStatus.CheckedIn));
        Assert.True(state.Busy);

        Assert.False(state.End(null, "The appointment was changed meanwhile."));

        Assert.False(state.Busy);
        Assert.False(state.Changed);
        Assert.Equal("The appointment was changed meanwhile.", state.Error);
    }

    [Theory]
    [InlineData(AppointmentStatus.CheckedIn, "Check in")]
    [InlineData(AppointmentStatus.Cancelled, "Cancel…")]
    [InlineData(AppointmentStatus.NoShow, "No-show…")]
    public void Steps_ReadAsStaffSayThem(AppointmentStatus next, string label) =>
        Assert.Equal(label, AppointmentStepState.Step(next).Label);
}
