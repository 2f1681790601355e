using Hospital.Data.Entities;
using Hospital.GraphQL.Jobs;
using Hospital.GraphQL.Tests.Delivery;
using Hospital.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hospital.GraphQL.Tests.Jobs;

/// <summary>
/// Reminders in a hospital whose clocks change (Europe/Berlin): the job fires at 08:00 local on either side of a change,
/// a day is its local midnight to midnight (25 or 23 hours), and each reminder names the local time.
/// </summary>
public sealed class ReminderTimeZoneTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hospital-reminders-dst-{Guid.NewGuid():N}.db");
    private Instance instance = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        instance = await Instance.StartAsync(DatabaseProvider.Sqlite, $"Data Source={file}", "node-a", new Dictionary<string, string?>
        {
            ["Hospital:TimeZone"] = "Europe/Berlin",
            ["Hospital:Jobs:Enabled"] = "false",
        });

    public async ValueTask DisposeAsync()
    {
        await instance.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    [Fact]
    public async Task TheDailyTrigger_FiresAt0800Local_OnBothSidesOfEachChange()
    {
        var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(HospitalJobs.ReminderSchedule, Ct));

        // Summer time ends on 25 October 2026 (UTC+2 -> UTC+1) and starts on 28 March 2027 (UTC+1 -> UTC+2).
        Assert.Equal(
            [Utc(2026, 10, 24, 6), Utc(2026, 10, 25, 7), Utc(2026, 10, 26, 7)],
            FireTimes(trigger, Utc(2026, 10, 24, 0), 3));
        Assert.Equal(
            [Utc(2027, 3, 27, 7), Utc(2027, 3, 28, 6), Utc(2027, 3, 29, 6)],
            FireTimes(trigger, Utc(2027, 3, 27, 0), 3));

        // Each run is for the next local day.
        var reminders = instance.Services.GetRequiredService<AppointmentReminders>();
        Assert.Equal(new DateOnly(2026, 10, 25), reminders.NextDay(Utc(2026, 10, 24, 6)));
        Assert.Equal(new DateOnly(2026, 10, 26), reminders.NextDay(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task RemindersOfAClockChangeDay_CoverItsLocalDay_AndNameTheLocalTime()
    {
        // Arrange: bookings at the edges of the local days of both changes, and at the hour that happens twice.
        var bookings = new Dictionary<string, DateTime>
        {
            ["just after midnight, summer time"] = new(2026, 10, 24, 22, 30, 0, DateTimeKind.Utc), // 00:30 +02:00
            ["02:30 the first time"] = new(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc),               // 02:30 +02:00
            ["02:30 the second time"] = new(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc),              // 02:30 +01:00
            ["morning, winter time"] = new(2026, 10, 25, 8, 30, 0, DateTimeKind.Utc),               // 09:30 +01:00
            ["late evening"] = new(2026, 10, 25, 22, 30, 0, DateTimeKind.Utc),                      // 23:30 +01:00
            ["the next day"] = new(2026, 10, 25, 23, 15, 0, DateTimeKind.Utc),                      // 00:15 on the 26th
            ["spring: just after midnight"] = new(2027, 3, 27, 23, 30, 0, DateTimeKind.Utc),        // 00:30 +01:00
            ["spring: morning"] = new(2027, 3, 28, 7, 30, 0, DateTimeKind.Utc),                     // 09:30 +02:00
        };
        var ids = await BookAsync(bookings);
        var reminders = instance.Services.GetRequiredService<AppointmentReminders>();

        // Act
        await reminders.EnqueueAsync(new DateOnly(2026, 10, 25), Ct);
        await reminders.EnqueueAsync(new DateOnly(2027, 3, 28), Ct);

        // Assert
        await using var db = await instance.DbAsync();
        var subjects = await db.Notifications.AsNoTracking().Where(n => ids.Values.Contains(n.AppointmentId))
            .ToDictionaryAsync(n => ids.Single(i => i.Value == n.AppointmentId).Key, n => n.Subject, Ct);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["just after midnight, summer time"] = "Reminder: your appointment on Sunday 25 October 2026 at 00:30",
                ["02:30 the first time"] = "Reminder: your appointment on Sunday 25 October 2026 at 02:30",
                ["02:30 the second time"] = "Reminder: your appointment on Sunday 25 October 2026 at 02:30",
                ["morning, winter time"] = "Reminder: your appointment on Sunday 25 October 2026 at 09:30",
                ["late evening"] = "Reminder: your appointment on Sunday 25 October 2026 at 23:30",
                ["spring: just after midnight"] = "Reminder: your appointment on Sunday 28 March 2027 at 00:30",
                ["spring: morning"] = "Reminder: your appointment on Sunday 28 March 2027 at 09:30",
            }.OrderBy(p => p.Key),
            subjects.OrderBy(p => p.Key));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>The stored trigger's schedule (its cron expression and time zone) from <paramref name="after"/> on.</summary>
    private static List<DateTimeOffset> FireTimes(ICronTrigger stored, DateTimeOffset after, int count)
    {
        var trigger = stored.GetTriggerBuilder().StartAt(after).Build();
        var times = new List<DateTimeOffset>();
        for (var at = trigger.GetFireTimeAfter(after); at is { } next && times.Count < count; at = trigger.GetFireTimeAfter(next))
        {
            times.Add(next);
        }

        return times;
    }

    /// <summary>Books one patient with an email address with one doctor at each time (30 minutes each); returns the ids by name.</summary>
    private async Task<Dictionary<string, int>> BookAsync(Dictionary<string, DateTime> bookings)
    {
        await using var db = await instance.DbAsync();
        var patient = await db.Patients.Where(p => p.Email != null && p.IsActive && !p.IsDeceased).OrderBy(p => p.Id).FirstAsync(Ct);
        var doctor = await db.Doctors.Where(d => d.IsActive).OrderBy(d => d.Id).FirstAsync(Ct);
        var appointments = bookings.ToDictionary(b => b.Key, b => new Appointment
        {
            PatientId = patient.Id,
            DoctorId = doctor.Id,
            StartsAt = b.Value,
            EndsAt = b.Value.AddMinutes(30),
            Reason = "Follow-up",
            CreatedAt = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
        });
        db.Appointments.AddRange(appointments.Values);
        await db.SaveChangesAsync(Ct);
        return appointments.ToDictionary(a => a.Key, a => a.Value.Id);
    }
}
