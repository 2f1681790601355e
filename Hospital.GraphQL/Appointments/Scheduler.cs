using System.Globalization;
using System.Security.Claims;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Appointments;

/// <summary>
/// Free slots and bookings: the rules of <see cref="AppointmentRules"/> and <see cref="Availability"/> applied to the
/// database, with the database's own guard against double-booking as the last word (<see cref="BookingConflicts"/>).
/// </summary>
public sealed class Scheduler(HospitalDataOptions hospital, IOptions<SchedulingOptions> options, TimeProvider clock)
{
    private TimeZoneInfo Zone => hospital.TimeZone;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The free slots of the active doctors named (one doctor, a department's or a specialty's), in start order.</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(HospitalDbContext db, int? doctorId, int? departmentId, int? specialtyId, DateTime from, DateTime to, int? durationMinutes, CancellationToken cancellationToken)
    {
        if (new[] { doctorId, departmentId, specialtyId }.Count(id => id is not null) != 1)
        {
            throw new GraphQLException("Name exactly one of doctorId, departmentId and specialtyId.", ErrorCodes.InvalidVariables);
        }

        var start = Utc(from);
        var end = Utc(to);
        if (end <= start || end - start > Availability.MaximumRange)
        {
            throw new GraphQLException($"`to` must come after `from`, at most {Availability.MaximumRange.TotalDays} days later.", ErrorCodes.InvalidVariables);
        }

        if (durationMinutes is { } minutes && (minutes < AppointmentRules.MinimumLength.TotalMinutes || minutes > AppointmentRules.MaximumLength.TotalMinutes))
        {
            throw new GraphQLException($"`duration` must be between {AppointmentRules.MinimumLength.TotalMinutes} and {AppointmentRules.MaximumLength.TotalMinutes} minutes.", ErrorCodes.InvalidVariables);
        }

        // Nothing in the past is free.
        if (start < Now)
        {
            start = Now;
        }

        var doctors = await db.Set<Doctor>().AsNoTracking()
            .Where(d => d.IsActive)
            .Where(d => (doctorId == null || d.Id == doctorId) && (departmentId == null || d.DepartmentId == departmentId) && (specialtyId == null || d.SpecialtyId == specialtyId))
            .Select(d => new { d.Id, DepartmentCode = d.Department == null ? null : d.Department.Code })
            .ToListAsync(cancellationToken);
        if (doctors.Count == 0 || end <= start)
        {
            return [];
        }

        var ids = doctors.Select(d => d.Id).ToList();
        var hours = (await db.Set<WorkingHours>().AsNoTracking().Where(h => ids.Contains(h.DoctorId)).ToListAsync(cancellationToken)).ToLookup(h => h.DoctorId);
        var timeOff = (await db.Set<TimeOff>().AsNoTracking().Where(t => ids.Contains(t.DoctorId) && t.StartsAt < end && t.EndsAt > start).ToListAsync(cancellationToken)).ToLookup(t => t.DoctorId);
        var bookings = (await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.DoctorId) && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow && a.StartsAt < end && a.EndsAt > start)
            .ToListAsync(cancellationToken)).ToLookup(a => a.DoctorId);

        return [.. doctors
            .SelectMany(d =>
            {
                var slot = options.Value.SlotLength(d.DepartmentCode);
                var duration = durationMinutes is { } m ? TimeSpan.FromMinutes(m) : slot;
                return Availability.FreeSlots(d.Id, [.. hours[d.Id]], [.. timeOff[d.Id]], [.. bookings[d.Id]], start, end, slot, duration, Zone);
            })
            .OrderBy(s => s.StartsAt).ThenBy(s => s.DoctorId)];
    }

    /// <summary>Books a slot, or (walk-in) the time from now, checked in at once.</summary>
    /// <param name="beforeSave">Changes saved in the same transaction as the booking (a waitlist entry it fulfils).</param>
    public async Task<Appointment> BookAsync(HospitalDbContext db, int patientId, int doctorId, DateTime? startsAt, int? durationMinutes, string reason, bool walkIn, ClaimsPrincipal user, CancellationToken cancellationToken, Action<Appointment>? beforeSave = null)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("patient", patientId);
        }

        var doctor = await DoctorAsync(db, doctorId, cancellationToken);
        EnsureOwnScheduleForDoctors(user, doctorId);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("Appointment.reason: a reason for the visit is required.");
        }
        else if (reason.Trim().Length > 500)
        {
            errors.Add("Appointment.reason: at most 500 characters.");
        }

        var duration = Duration(durationMinutes, doctor, errors);
        var now = Now;
        DateTime start;
        if (walkIn)
        {
            // A walk-in is seen now, whatever the grid: the minute they arrive.
            start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        }
        else if (startsAt is { } at)
        {
            start = Utc(at);
            if (start < now)
            {
                errors.Add("Appointment.startsAt: a booking cannot start in the past.");
            }
        }
        else
        {
            errors.Add("Appointment.startsAt: the start is required (or book a walk-in).");
            start = now;
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var appointment = new Appointment { PatientId = patientId, DoctorId = doctorId, StartsAt = start, EndsAt = start + duration, Reason = reason.Trim(), CreatedAt = now };
        if (walkIn)
        {
            appointment.TransitionTo(AppointmentStatus.CheckedIn, now);
        }
        else
        {
            await EnsureWorkingAsync(db, doctorId, appointment.StartsAt, appointment.EndsAt, cancellationToken);
        }

        await AppointmentRules.EnsureNoOverlapAsync(db.Appointments, doctorId, appointment.StartsAt, appointment.EndsAt, null, cancellationToken);
        db.Appointments.Add(appointment);
        beforeSave?.Invoke(appointment);
        await SaveAsync(db, appointment, cancellationToken);
        return appointment;
    }

    /// <summary>Moves a scheduled appointment to another time (and perhaps another doctor); the form may send the version it loaded.</summary>
    /// <param name="beforeSave">Changes saved in the same transaction as the move (a waitlist entry it fulfils).</param>
    public async Task<Appointment> RescheduleAsync(HospitalDbContext db, int appointmentId, DateTime startsAt, int? durationMinutes, int? doctorId, int? version, ClaimsPrincipal user, CancellationToken cancellationToken, Action<Appointment>? beforeSave = null)
    {
        var appointment = await db.Appointments.SingleOrNotFoundAsync(a => a.Id == appointmentId, "appointment", appointmentId, cancellationToken);
        EnsureOwnScheduleForDoctors(user, appointment.DoctorId);
        var doctor = await DoctorAsync(db, doctorId ?? appointment.DoctorId, cancellationToken);
        EnsureOwnScheduleForDoctors(user, doctor.Id);
        if (appointment.Status != AppointmentStatus.Scheduled)
        {
            throw new InvalidStatusTransitionException(nameof(Appointment), appointment.Status.ToString(), AppointmentStatus.Scheduled.ToString(), "only a scheduled appointment can be moved");
        }

        if (version is { } loaded)
        {
            // The form's version is the original: a change saved since makes the save fail as a ConcurrencyError.
            db.Entry(appointment).Property(a => a.Version).OriginalValue = loaded;
        }

        var errors = new List<string>();
        var duration = durationMinutes is null ? appointment.EndsAt - appointment.StartsAt : Duration(durationMinutes, doctor, errors);
        var start = Utc(startsAt);
        if (start < Now)
        {
            errors.Add("Appointment.startsAt: a booking cannot start in the past.");
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        await EnsureWorkingAsync(db, doctor.Id, start, start + duration, cancellationToken);
        await AppointmentRules.EnsureNoOverlapAsync(db.Appointments, doctor.Id, start, start + duration, appointment.Id, cancellationToken);
        var (freedDoctor, freedStart, freedEnd) = (appointment.DoctorId, appointment.StartsAt, appointment.EndsAt);
        appointment.DoctorId = doctor.Id;
        appointment.StartsAt = start;
        appointment.EndsAt = start + duration;
        beforeSave?.Invoke(appointment);

        // The time the booking leaves is free for the first in line on the waitlist (unless the move kept part of it).
        if (freedDoctor != doctor.Id || freedEnd <= start || freedStart >= start + duration)
        {
            await WaitlistRules.OfferFreedSlotAsync(db, freedDoctor, freedStart, freedEnd, appointment.PatientId, Now, null, cancellationToken);
        }

        await SaveAsync(db, appointment, cancellationToken);
        return appointment;
    }

    private static async Task<Doctor> DoctorAsync(HospitalDbContext db, int doctorId, CancellationToken cancellationToken) =>
        await db.Set<Doctor>().AsNoTracking().Include(d => d.Department).FirstOrDefaultAsync(d => d.Id == doctorId && d.IsActive, cancellationToken)
        ?? throw new NotFoundException("doctor", doctorId);

    /// <summary>A doctor books and moves only in their own schedule (follow-ups); the front desk and admins in anyone's.</summary>
    private static void EnsureOwnScheduleForDoctors(ClaimsPrincipal user, int doctorId)
    {
        if (user.HasClaim(Accounts.HospitalClaims.Role, Roles.Admin) || user.HasClaim(Accounts.HospitalClaims.Role, Roles.Receptionist))
        {
            return;
        }

        if (user.FindFirst(Accounts.HospitalClaims.StaffMemberId)?.Value != doctorId.ToString(CultureInfo.InvariantCulture))
        {
            throw new GraphQLException("A doctor may book and move appointments only in their own schedule.", ErrorCodes.NotAuthorized);
        }
    }

    private TimeSpan Duration(int? minutes, Doctor doctor, List<string> errors)
    {
        var duration = minutes is { } m ? TimeSpan.FromMinutes(m) : options.Value.SlotLength(doctor.Department?.Code);
        if (duration < AppointmentRules.MinimumLength || duration > AppointmentRules.MaximumLength)
        {
            errors.Add($"Appointment.duration: between {AppointmentRules.MinimumLength.TotalMinutes} and {AppointmentRules.MaximumLength.TotalMinutes} minutes.");
        }

        return duration;
    }

    private async Task EnsureWorkingAsync(HospitalDbContext db, int doctorId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var hours = await db.Set<WorkingHours>().AsNoTracking().Where(h => h.DoctorId == doctorId).ToListAsync(cancellationToken);
        var off = await db.Set<TimeOff>().AsNoTracking().Where(t => t.DoctorId == doctorId && t.StartsAt < end && t.EndsAt > start).ToListAsync(cancellationToken);
        if (!AppointmentRules.IsWithinWorkingHours(hours, off, start, end, Zone))
        {
            throw new OutsideWorkingHoursException(doctorId, start);
        }
    }

    /// <summary>Saves, turning the database's refusal of a taken slot (another booking won the race) into the typed error.</summary>
    private static async Task SaveAsync(HospitalDbContext db, Appointment appointment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && BookingConflicts.IsSlotTaken(e))
        {
            throw new AppointmentOverlapException(appointment.DoctorId, appointment.StartsAt, appointment.EndsAt);
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
