using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Domain;

/// <summary>The appointment life cycle and the scheduling invariants, shared by the seeder, the API and the tests.</summary>
public static class AppointmentRules
{
    public static readonly TimeSpan MinimumLength = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaximumLength = TimeSpan.FromHours(8);

    /// <summary>Statuses that hold the doctor's time: a doctor never has two overlapping appointments in these.</summary>
    public static IReadOnlyList<AppointmentStatus> Blocking { get; } =
        [AppointmentStatus.Scheduled, AppointmentStatus.CheckedIn, AppointmentStatus.InProgress, AppointmentStatus.Completed];

    private static readonly Dictionary<AppointmentStatus, AppointmentStatus[]> Next = new()
    {
        [AppointmentStatus.Scheduled] = [AppointmentStatus.CheckedIn, AppointmentStatus.Cancelled, AppointmentStatus.NoShow],
        [AppointmentStatus.CheckedIn] = [AppointmentStatus.InProgress, AppointmentStatus.Cancelled],
        [AppointmentStatus.InProgress] = [AppointmentStatus.Completed],
        [AppointmentStatus.Completed] = [],
        [AppointmentStatus.Cancelled] = [],
        [AppointmentStatus.NoShow] = [],
    };

    public static bool IsBlocking(AppointmentStatus status) => status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    public static bool CanTransition(AppointmentStatus from, AppointmentStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<AppointmentStatus> AllowedNext(AppointmentStatus from) => Next[from];

    public static void EnsureTransition(AppointmentStatus from, AppointmentStatus to, string? reason)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidStatusTransitionException(nameof(Appointment), from.ToString(), to.ToString());
        }

        if (to is AppointmentStatus.Cancelled or AppointmentStatus.NoShow && string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException(to == AppointmentStatus.Cancelled ? "cancel an appointment" : "mark a no-show");
        }
    }

    /// <summary>Half-open intervals: one appointment may start exactly when the previous one ends.</summary>
    public static bool Overlaps(DateTime startA, DateTime endA, DateTime startB, DateTime endB) => startA < endB && startB < endA;

    /// <summary>Throws when the doctor already has a blocking appointment overlapping [start, end).</summary>
    public static async Task EnsureNoOverlapAsync(
        IQueryable<Appointment> appointments,
        int doctorId,
        DateTime startsAt,
        DateTime endsAt,
        int? ignoreAppointmentId,
        CancellationToken cancellationToken)
    {
        var clash = await appointments.AnyAsync(
            a => a.DoctorId == doctorId
                && a.Status != AppointmentStatus.Cancelled
                && a.Status != AppointmentStatus.NoShow
                && a.StartsAt < endsAt
                && startsAt < a.EndsAt
                && (ignoreAppointmentId == null || a.Id != ignoreAppointmentId),
            cancellationToken);
        if (clash)
        {
            throw new AppointmentOverlapException(doctorId, startsAt, endsAt);
        }
    }

    /// <summary>
    /// True when [start, end) lies inside one of the doctor's weekly working blocks (local time of
    /// <paramref name="timeZone"/>) and outside every time-off period.
    /// </summary>
    public static bool IsWithinWorkingHours(
        IEnumerable<WorkingHours> hours,
        IEnumerable<TimeOff> timeOff,
        DateTime startsAt,
        DateTime endsAt,
        TimeZoneInfo timeZone)
    {
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(startsAt, timeZone);
        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(endsAt, timeZone);
        if (localStart.Date != localEnd.Date && localEnd.TimeOfDay != TimeSpan.Zero)
        {
            return false;
        }

        var startTime = TimeOnly.FromDateTime(localStart);
        var endTime = localEnd.TimeOfDay == TimeSpan.Zero && localEnd > localStart ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd);
        var inBlock = hours.Any(h => h.DayOfWeek == localStart.DayOfWeek && h.StartTime <= startTime && endTime <= h.EndTime);
        return inBlock && !timeOff.Any(t => Overlaps(t.StartsAt, t.EndsAt, startsAt, endsAt));
    }
}
