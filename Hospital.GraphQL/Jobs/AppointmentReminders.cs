using System.Globalization;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Jobs;

/// <summary>
/// Writes one reminder per scheduled appointment of a day to the notification outbox. Re-runnable and safe to run on
/// several instances at once: appointments that have a reminder are skipped, and the unique (kind, appointment) index
/// turns a race lost to another instance into "already there".
/// </summary>
public sealed class AppointmentReminders(IDbContextFactory<HospitalDbContext> factory, HospitalDataOptions data, TimeProvider clock, ILogger<AppointmentReminders> logger)
{
    /// <summary>Enqueues the reminders of <paramref name="day"/> (in the hospital's time zone); returns how many were new.</summary>
    public async Task<int> EnqueueAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = StartOfDayUtc(day);
        var to = StartOfDayUtc(day.AddDays(1));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Scheduled && a.StartsAt >= from && a.StartsAt < to)
            .Where(a => a.Patient!.Email != null && a.Patient.Email != "" && a.Patient.IsActive && !a.Patient.IsDeceased)
            .Where(a => !db.Notifications.Any(n => n.Kind == NotificationKind.AppointmentReminder && n.AppointmentId == a.Id))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.PatientId,
                a.StartsAt,
                Email = a.Patient!.Email!,
                a.Patient.FirstName,
                Doctor = a.Doctor!.FirstName + " " + a.Doctor.LastName,
                Department = a.Doctor.Department != null ? a.Doctor.Department.Name : null,
            })
            .ToListAsync(cancellationToken);

        var created = 0;
        foreach (var appointment in due)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(appointment.StartsAt, DateTimeKind.Utc), data.TimeZone);
            var when = local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
            var where = appointment.Department is null ? "" : $" ({appointment.Department})";
            db.Notifications.Add(new Notification
            {
                Kind = NotificationKind.AppointmentReminder,
                AppointmentId = appointment.Id,
                PatientId = appointment.PatientId,
                Recipient = appointment.Email,
                Subject = $"Reminder: your appointment on {when}",
                Body = $"Dear {appointment.FirstName},\n\nthis is a reminder of your appointment with Dr. {appointment.Doctor}{where} on {when}.\n"
                    + "If you cannot come, please call us so that someone else can have the time.\n\nYour hospital",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                NextAttemptAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created++;
            }
            catch (DbUpdateException e) when (NotificationConflicts.IsDuplicate(e))
            {
                // Another instance (or run) wrote it between our read and this insert: it is there, which is the point.
                db.ChangeTracker.Clear();
            }
        }

        logger.LogInformation("Reminders for {Day}: {Created} new of {Due} appointments without one", day, created, due.Count);
        return created;
    }

    /// <summary>The day after <paramref name="instant"/> in the hospital's time zone: the one reminders written then are for.</summary>
    public DateOnly NextDay(DateTimeOffset instant) => data.Today(instant.UtcDateTime).AddDays(1);

    // Midnight can fall in a DST gap in some zones (clocks jump from 00:00 to 01:00): the day then starts at the first valid minute.
    private DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (data.TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, data.TimeZone);
    }
}
