using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

/// <summary>Moves an appointment along its life cycle (see AppointmentRules): each step is its own mutation, as staff think of it.</summary>
[MutationType]
public static class AppointmentMutations
{
    [GraphQLDescription("The patient has arrived (reception): SCHEDULED → CHECKED_IN.")]
    public static Task<AppointmentPayload> CheckInAppointmentAsync(AppointmentStepInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.AppointmentId, AppointmentStatus.CheckedIn, null, clock, cancellationToken);

    [GraphQLDescription("The doctor sees the patient: CHECKED_IN → IN_PROGRESS.")]
    public static Task<AppointmentPayload> StartAppointmentAsync(AppointmentStepInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.AppointmentId, AppointmentStatus.InProgress, null, clock, cancellationToken);

    [GraphQLDescription("The visit is over: IN_PROGRESS → COMPLETED.")]
    public static Task<AppointmentPayload> CompleteAppointmentAsync(AppointmentStepInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.AppointmentId, AppointmentStatus.Completed, null, clock, cancellationToken);

    [GraphQLDescription("Cancels a booking that has not started; a reason is required.")]
    public static Task<AppointmentPayload> CancelAppointmentAsync(AppointmentReasonInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.AppointmentId, AppointmentStatus.Cancelled, input.Reason, clock, cancellationToken);

    [GraphQLDescription("The patient did not come; a reason (or note) is required.")]
    public static Task<AppointmentPayload> MarkAppointmentNoShowAsync(AppointmentReasonInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.AppointmentId, AppointmentStatus.NoShow, input.Reason, clock, cancellationToken);

    private static async Task<AppointmentPayload> StepAsync(HospitalDbContext db, int id, AppointmentStatus next, string? reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return new AppointmentPayload(null, [new NotFoundError($"There is no appointment with id {id}.")]);
        }

        try
        {
            appointment.TransitionTo(next, clock.GetUtcNow().UtcDateTime, reason);
            await db.SaveChangesAsync(cancellationToken);
            return new AppointmentPayload(appointment, null);
        }
        catch (Exception e) when (UserErrors.From(e) is { } error)
        {
            return new AppointmentPayload(null, [error]);
        }
    }
}

[GraphQLDescription("Which appointment to move along.")]
public sealed class AppointmentStepInput
{
    [ID<Appointment>]
    public required int AppointmentId { get; init; }
}

[GraphQLDescription("Which appointment, and why (cancellation or no-show).")]
public sealed class AppointmentReasonInput
{
    [ID<Appointment>]
    public required int AppointmentId { get; init; }

    public required string Reason { get; init; }
}

[GraphQLDescription("The appointment as it is after the change, or the errors that prevented it.")]
public sealed record AppointmentPayload(Appointment? Appointment, IReadOnlyList<IUserError>? Errors);
