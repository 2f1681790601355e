using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;

namespace Hospital.GraphQL.Appointments;

/// <summary>Moves an appointment along its life cycle (see AppointmentRules): each step is its own mutation, as staff think of it.</summary>
[MutationType]
public static class AppointmentMutations
{
    [GraphQLDescription("The patient has arrived (reception): SCHEDULED → CHECKED_IN.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CheckInAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.CheckedIn, null, clock, cancellationToken);

    [GraphQLDescription("The doctor sees the patient: CHECKED_IN → IN_PROGRESS.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> StartAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.InProgress, null, clock, cancellationToken);

    [GraphQLDescription("The visit is over: IN_PROGRESS → COMPLETED.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CompleteAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.Completed, null, clock, cancellationToken);

    [GraphQLDescription("Cancels a booking that has not started; a reason is required.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CancelAppointmentAsync([ID<Appointment>] int appointmentId, [GraphQLDescription("Why, for the record (required).")] string reason, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.Cancelled, reason, clock, cancellationToken);

    [GraphQLDescription("The patient did not come; a reason (or note) is required.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> MarkAppointmentNoShowAsync([ID<Appointment>] int appointmentId, [GraphQLDescription("Why, or a note (required).")] string reason, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.NoShow, reason, clock, cancellationToken);

    private static async Task<Appointment> StepAsync(HospitalDbContext db, int id, AppointmentStatus next, string? reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrNotFoundAsync(a => a.Id == id, "appointment", id, cancellationToken);
        appointment.TransitionTo(next, clock.GetUtcNow().UtcDateTime, reason);
        await db.SaveChangesAsync(cancellationToken);
        return appointment;
    }
}
