using Hospital.Data.Domain;

namespace Hospital.GraphQL.Appointments;

[GraphQLDescription("The doctor already has an appointment at that time (someone may have booked it a moment ago): pick another slot.")]
[AllowAnonymous]
public sealed class SlotTakenError(AppointmentOverlapException exception)
{
    public string Message { get; } = "The slot is taken: the doctor already has an appointment at that time. Pick another slot.";

    [GraphQLDescription("A stable word for programs: SLOT_TAKEN.")]
    public string Code => "SLOT_TAKEN";

    [GraphQLDescription("When the refused booking would have started.")]
    public DateTime StartsAt { get; } = exception.StartsAt;
}

[GraphQLDescription("The doctor does not work then (outside the working hours, or on time off).")]
[AllowAnonymous]
public sealed class OutsideWorkingHoursError(OutsideWorkingHoursException exception)
{
    public string Message { get; } = "The doctor does not see patients at that time (outside the working hours or on time off).";

    [GraphQLDescription("A stable word for programs: OUTSIDE_WORKING_HOURS.")]
    public string Code => "OUTSIDE_WORKING_HOURS";

    [GraphQLDescription("When the refused booking would have started.")]
    public DateTime StartsAt { get; } = exception.StartsAt;
}
