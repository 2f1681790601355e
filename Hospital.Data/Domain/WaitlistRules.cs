using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Domain;

/// <summary>Who is offered a freed slot: the first in line who waits for that doctor (or their department) and would come earlier.</summary>
public static class WaitlistRules
{
    /// <summary>True when no appointment that holds the doctor's time overlaps [start, end).</summary>
    /// <param name="db">The context.</param>
    /// <param name="doctorId">The doctor.</param>
    /// <param name="startsAt">The slot's start.</param>
    /// <param name="endsAt">The slot's end.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Whether the slot is free.</returns>
    public static async Task<bool> IsFreeAsync(HospitalDbContext db, int doctorId, DateTime startsAt, DateTime endsAt, CancellationToken cancellationToken) =>
        !await db.Appointments.AnyAsync(
            a => a.DoctorId == doctorId && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow && a.StartsAt < endsAt && a.EndsAt > startsAt,
            cancellationToken);

    /// <summary>
    /// Offers the slot [<paramref name="startsAt"/>, <paramref name="endsAt"/>) of <paramref name="doctorId"/>, freed by a
    /// cancellation or a move, to the first waiting entry that matches; tracked, so the caller's save writes it with the
    /// change that freed the slot. Nothing is offered for a slot that has begun.
    /// </summary>
    /// <param name="db">The context of the change that freed the slot.</param>
    /// <param name="doctorId">The doctor whose time is free.</param>
    /// <param name="startsAt">The freed slot's start.</param>
    /// <param name="endsAt">The freed slot's end.</param>
    /// <param name="freedBy">The patient whose booking freed it, who is not offered their own slot back.</param>
    /// <param name="now">Now, UTC.</param>
    /// <param name="after">Offer only to entries behind this one in line (the next after one who declined).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entry now holding the offer, or null when nobody matches.</returns>
    public static async Task<WaitlistEntry?> OfferFreedSlotAsync(
        HospitalDbContext db, int doctorId, DateTime startsAt, DateTime endsAt, int freedBy, DateTime now, WaitlistEntry? after, CancellationToken cancellationToken)
    {
        if (startsAt <= now)
        {
            return null;
        }

        var departmentId = await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        var line = db.WaitlistEntries
            .Where(e => e.Status == WaitlistStatus.Waiting && e.PatientId != freedBy)
            .Where(e => e.DoctorId == doctorId || (e.DoctorId == null && e.DepartmentId == departmentId))

            // Someone who holds a booking wants one earlier than it, not later.
            .Where(e => e.Appointment == null || e.Appointment.Status != AppointmentStatus.Scheduled || e.Appointment.StartsAt > startsAt);
        if (after is not null)
        {
            line = line.Where(e => e.CreatedAt > after.CreatedAt || (e.CreatedAt == after.CreatedAt && e.Id > after.Id));
        }

        var first = await line.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        first?.Offer(doctorId, startsAt, endsAt, now);
        return first;
    }
}
