using System.Security.Claims;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;

namespace Hospital.GraphQL.Appointments;

/// <summary>Moves an appointment along its life cycle (see AppointmentRules): each step is its own mutation, as staff think of it.</summary>
[MutationType]
public static class AppointmentMutations
{
    [GraphQLDescription("The patient has arrived (reception): SCHEDULED → CHECKED_IN.")]
    [Authorize(Roles = [Roles.Receptionist])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CheckInAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.CheckedIn, null, clock, cancellationToken);

    [GraphQLDescription("The doctor sees the patient: CHECKED_IN → IN_PROGRESS. Only the appointment's doctor may.")]
    [Authorize(Roles = [Roles.Doctor])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> StartAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.InProgress, null, clock, cancellationToken, user);

    [GraphQLDescription("The visit is over: IN_PROGRESS → COMPLETED. Only the appointment's doctor may.")]
    [Authorize(Roles = [Roles.Doctor])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CompleteAppointmentAsync([ID<Appointment>] int appointmentId, HospitalDbContext db, [Service] TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.Completed, null, clock, cancellationToken, user);

    [GraphQLDescription("Cancels a booking that has not started; a reason is required.")]
    [Authorize(Roles = [Roles.Receptionist])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> CancelAppointmentAsync([ID<Appointment>] int appointmentId, [GraphQLDescription("Why, for the record (required).")] string reason, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.Cancelled, reason, clock, cancellationToken);

    [GraphQLDescription("The patient did not come; a reason (or note) is required.")]
    [Authorize(Roles = [Roles.Receptionist])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Appointment> MarkAppointmentNoShowAsync([ID<Appointment>] int appointmentId, [GraphQLDescription("Why, or a note (required).")] string reason, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, appointmentId, AppointmentStatus.NoShow, reason, clock, cancellationToken);

    /// <param name="doctor">When given, the step is the doctor's own: it must be the appointment's doctor.</param>
    private static async Task<Appointment> StepAsync(HospitalDbContext db, int id, AppointmentStatus next, string? reason, TimeProvider clock, CancellationToken cancellationToken, ClaimsPrincipal? doctor = null)
    {
        var appointment = await db.Appointments.SingleOrNotFoundAsync(a => a.Id == id, "appointment", id, cancellationToken);
        if (doctor is not null && doctor.FindFirst(HospitalClaims.StaffMemberId)?.Value != appointment.DoctorId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new GraphQLException("Only the appointment's own doctor may start or complete it.", ErrorCodes.NotAuthorized);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        appointment.TransitionTo(next, now, reason);
        if (next == AppointmentStatus.Cancelled)
        {
            // The freed time goes to the first in line on the waitlist, in the same transaction as the cancellation.
            await WaitlistRules.OfferFreedSlotAsync(db, appointment.DoctorId, appointment.StartsAt, appointment.EndsAt, appointment.PatientId, now, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return appointment;
    }
}
