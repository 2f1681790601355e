using System.Security.Claims;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;

namespace Hospital.GraphQL.Appointments;

/// <summary>Booking and moving appointments: thin resolvers over the <see cref="Scheduler"/>; the database has the last word on a taken slot.</summary>
[MutationType]
public static class AppointmentBookingMutations
{
    [GraphQLDescription("Books an appointment at `startsAt`, or with `walkIn: true` from now and checked in at once. The front desk and admins book for any doctor, a doctor only in their own schedule (follow-ups).")]
    [Authorize(Roles = [Access.Booking])]
    [Error<NotFoundError>]
    [Error<SlotTakenError>]
    [Error<OutsideWorkingHoursError>]
    [Error<ValidationError>]
    public static Task<Appointment> BookAppointmentAsync(
        [ID<Patient>] int patientId,
        [ID<Doctor>] int doctorId,
        [GraphQLDescription("Why the patient comes (required).")] string reason,
        [GraphQLDescription("The start; required unless a walk-in.")] DateTime? startsAt,
        [GraphQLDescription("Minutes; the department's slot length when left out.")] int? durationMinutes,
        [GraphQLDescription("The patient is here now: booked from now and checked in at once.")] bool? walkIn,
        HospitalDbContext db,
        [Service] Scheduler scheduler,
        ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        scheduler.BookAsync(db, patientId, doctorId, startsAt, durationMinutes, reason, walkIn == true, user, cancellationToken);

    [GraphQLDescription("Moves a scheduled appointment to another start (and optionally another doctor or length). Send the `version` the form loaded to refuse a stale change.")]
    [Authorize(Roles = [Access.Booking])]
    [Error<NotFoundError>]
    [Error<SlotTakenError>]
    [Error<OutsideWorkingHoursError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    [Error<ValidationError>]
    public static Task<Appointment> RescheduleAppointmentAsync(
        [ID<Appointment>] int appointmentId,
        DateTime startsAt,
        [GraphQLDescription("Minutes; the appointment keeps its length when left out.")] int? durationMinutes,
        [ID<Doctor>] [GraphQLDescription("Another doctor; the same one when left out.")] int? doctorId,
        [GraphQLDescription("The appointment's version when the form loaded it.")] int? version,
        HospitalDbContext db,
        [Service] Scheduler scheduler,
        ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        scheduler.RescheduleAsync(db, appointmentId, startsAt, durationMinutes, doctorId, version, user, cancellationToken);
}
