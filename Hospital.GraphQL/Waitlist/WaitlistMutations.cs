using System.Security.Claims;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Waitlist;

/// <summary>
/// The front desk's waitlist: a patient joins it for a doctor or a department; a cancellation (or a booking moved away)
/// offers the freed slot to the first in line (<see cref="WaitlistRules"/>), in the same transaction; the desk calls the
/// patient and accepts (the slot is booked, or their booking moved to it) or declines (the slot goes to the next).
/// </summary>
[MutationType]
[Authorize(Roles = [Access.FrontDesk])]
public static class WaitlistMutations
{
    [GraphQLDescription("Puts a patient on the waitlist for an earlier slot with a doctor, or with anyone of a department (name exactly one). With `appointmentId`, the booking they hold: only slots before it are offered, and accepting moves it.")]
    [Error<NotFoundError>]
    [Error<ValidationError>]
    public static async Task<WaitlistEntry> JoinWaitlistAsync(
        [ID<Patient>] int patientId,
        [GraphQLDescription("Why the patient comes (required).")] string reason,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        [ID<Doctor>] int? doctorId = null,
        [ID<Department>] int? departmentId = null,
        [ID<Appointment>] int? appointmentId = null,
        [GraphQLDescription("For the desk: when the patient can come at short notice, how to reach them.")] string? notes = null)
    {
        var errors = new List<string>();
        if (doctorId is null == departmentId is null)
        {
            errors.Add("WaitlistEntry.doctorId: name exactly one of doctorId and departmentId.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("WaitlistEntry.reason: a reason for the visit is required.");
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("patient", patientId);
        }

        if (doctorId is { } doctor && !await db.Doctors.AnyAsync(d => d.Id == doctor && d.IsActive, cancellationToken))
        {
            throw new NotFoundException("doctor", doctor);
        }

        if (departmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, cancellationToken))
        {
            throw new NotFoundException("department", department);
        }

        if (appointmentId is { } held)
        {
            var booking = await db.Appointments.AsNoTracking().Where(a => a.Id == held).Select(a => new { a.PatientId, a.Status }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("appointment", held);
            if (booking.PatientId != patientId || booking.Status != AppointmentStatus.Scheduled)
            {
                throw new DomainValidationException(["WaitlistEntry.appointmentId: the booking to move must be a scheduled appointment of this patient."]);
            }
        }

        if (await db.WaitlistEntries.AnyAsync(e => e.PatientId == patientId && (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered) && e.DoctorId == doctorId && e.DepartmentId == departmentId, cancellationToken))
        {
            throw new DomainValidationException([$"WaitlistEntry.patientId: the patient already waits for this {(doctorId is null ? "department" : "doctor")}."]);
        }

        var entry = new WaitlistEntry
        {
            PatientId = patientId,
            DoctorId = doctorId,
            DepartmentId = departmentId,
            AppointmentId = appointmentId,
            Reason = reason.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    [GraphQLDescription("The patient takes the offered slot: it is booked for them (or the booking they hold moves to it); OFFERED → BOOKED. A slot someone booked in the meantime gives `SlotTakenError`.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<SlotTakenError>]
    [Error<OutsideWorkingHoursError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<WaitlistEntry> AcceptWaitlistOfferAsync(
        [ID<WaitlistEntry>] int entryId,
        HospitalDbContext db,
        [Service] Scheduler scheduler,
        [Service] TimeProvider clock,
        ClaimsPrincipal user,
        CancellationToken cancellationToken,
        [GraphQLDescription("The entry's version when the desk saw the offer.")] int? version = null)
    {
        var entry = await LoadAsync(db, entryId, version, cancellationToken);
        if (entry is not { Status: WaitlistStatus.Offered, OfferedDoctorId: { } doctorId, OfferedStartsAt: { } start, OfferedEndsAt: { } end })
        {
            throw new InvalidStatusTransitionException(nameof(WaitlistEntry), entry.Status.ToString(), nameof(WaitlistStatus.Booked), "there is no offer to accept");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = (int)(end - start).TotalMinutes;
        var moves = entry.AppointmentId is { } held && await db.Appointments.AnyAsync(a => a.Id == held && a.Status == AppointmentStatus.Scheduled, cancellationToken);
        if (moves)
        {
            await scheduler.RescheduleAsync(db, entry.AppointmentId!.Value, start, minutes, doctorId, null, user, cancellationToken, a => entry.Booked(a, now));
        }
        else
        {
            await scheduler.BookAsync(db, entry.PatientId, doctorId, start, minutes, entry.Reason, false, user, cancellationToken, a => entry.Booked(a, now));
        }

        return entry;
    }

    [GraphQLDescription("The patient does not want the offered slot: OFFERED → WAITING (still in line); the slot is offered to the next in line.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static async Task<WaitlistEntry> DeclineWaitlistOfferAsync(
        [ID<WaitlistEntry>] int entryId,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        [GraphQLDescription("The entry's version when the desk saw the offer.")] int? version = null)
    {
        var entry = await LoadAsync(db, entryId, version, cancellationToken);
        var offer = Offer(entry);
        entry.Decline();
        await PassOnAsync(db, entry, offer, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    [GraphQLDescription("Takes a patient off the waitlist, with a reason; a slot they were offered goes to the next in line.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<WaitlistEntry> LeaveWaitlistAsync(
        [ID<WaitlistEntry>] int entryId,
        [GraphQLDescription("Why, for the record (required).")] string reason,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        [GraphQLDescription("The entry's version when the desk loaded it.")] int? version = null)
    {
        var entry = await LoadAsync(db, entryId, version, cancellationToken);
        var offer = entry.Status == WaitlistStatus.Offered ? Offer(entry) : default;
        entry.Remove(reason, clock.GetUtcNow().UtcDateTime);
        if (offer.DoctorId != 0)
        {
            await PassOnAsync(db, entry, offer, clock, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    private static async Task<WaitlistEntry> LoadAsync(HospitalDbContext db, int id, int? version, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.SingleOrNotFoundAsync(e => e.Id == id, "waitlist entry", id, cancellationToken);
        if (version is { } loaded)
        {
            // The desk's version is the original: a change saved since makes the save fail as a ConcurrencyError.
            db.Entry(entry).Property(e => e.Version).OriginalValue = loaded;
        }

        return entry;
    }

    private static (int DoctorId, DateTime StartsAt, DateTime EndsAt) Offer(WaitlistEntry entry) =>
        entry is { Status: WaitlistStatus.Offered, OfferedDoctorId: { } doctor, OfferedStartsAt: { } start, OfferedEndsAt: { } end }
            ? (doctor, start, end)
            : throw new InvalidStatusTransitionException(nameof(WaitlistEntry), entry.Status.ToString(), nameof(WaitlistStatus.Waiting), "there is no offer to decline");

    /// <summary>Offers a slot the entry gave up to the next in line behind it, if nobody has booked it since.</summary>
    private static async Task PassOnAsync(HospitalDbContext db, WaitlistEntry entry, (int DoctorId, DateTime StartsAt, DateTime EndsAt) offer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await WaitlistRules.IsFreeAsync(db, offer.DoctorId, offer.StartsAt, offer.EndsAt, cancellationToken))
        {
            await WaitlistRules.OfferFreedSlotAsync(db, offer.DoctorId, offer.StartsAt, offer.EndsAt, entry.PatientId, clock.GetUtcNow().UtcDateTime, entry, cancellationToken);
        }
    }
}
