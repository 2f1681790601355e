using Hospital.Data.Entities;

namespace Hospital.Data.Domain;

/// <summary>A free period of one doctor, as UTC instants.</summary>
public sealed record FreeSlot(int DoctorId, DateTime StartsAt, DateTime EndsAt);

/// <summary>
/// The free slots of one doctor: slot starts fall on the department's grid (every <c>slotLength</c> from the start of a
/// working block, in the hospital's local time), each slot lasts <c>duration</c>, and a slot is offered only when
/// booking it would pass the same rules as <see cref="AppointmentRules"/> (inside working hours, outside time off, no
/// overlap with a blocking appointment).
/// </summary>
public static class Availability
{
    /// <summary>The longest range one question may cover, so a request cannot ask for years of slots.</summary>
    public static readonly TimeSpan MaximumRange = TimeSpan.FromDays(31);

    public static IReadOnlyList<FreeSlot> FreeSlots(
        int doctorId,
        IReadOnlyCollection<WorkingHours> hours,
        IReadOnlyCollection<TimeOff> timeOff,
        IReadOnlyCollection<Appointment> bookings,
        DateTime from,
        DateTime to,
        TimeSpan slotLength,
        TimeSpan duration,
        TimeZoneInfo timeZone)
    {
        if (slotLength <= TimeSpan.Zero || duration <= TimeSpan.Zero || to <= from)
        {
            return [];
        }

        var blocking = bookings.Where(b => b.DoctorId == doctorId && AppointmentRules.IsBlocking(b.Status)).ToList();
        var slots = new SortedSet<DateTime>();

        // Walk the local days the range touches (a day either side, since a local day and a UTC day differ).
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(from, timeZone)).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(to, timeZone)).AddDays(1);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var block in hours.Where(h => h.DayOfWeek == day.DayOfWeek))
            {
                for (var local = day.ToDateTime(block.StartTime); local < day.ToDateTime(block.EndTime); local += slotLength)
                {
                    foreach (var start in Instants(local, timeZone))
                    {
                        var end = start + duration;
                        if (start >= from && end <= to
                            && AppointmentRules.IsWithinWorkingHours(hours, timeOff, start, end, timeZone)
                            && !blocking.Any(b => AppointmentRules.Overlaps(b.StartsAt, b.EndsAt, start, end)))
                        {
                            slots.Add(start);
                        }
                    }
                }
            }
        }

        return [.. slots.Select(s => new FreeSlot(doctorId, s, s + duration))];
    }

    /// <summary>
    /// The UTC instants a local wall-clock time stands for: none on the spring-forward day when the clock skips it, two
    /// on the fall-back day when it shows it twice, otherwise one.
    /// </summary>
    public static IEnumerable<DateTime> Instants(DateTime local, TimeZoneInfo timeZone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            yield break;
        }

        if (timeZone.IsAmbiguousTime(local))
        {
            foreach (var offset in timeZone.GetAmbiguousTimeOffsets(local).OrderByDescending(o => o))
            {
                yield return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
            }

            yield break;
        }

        yield return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }
}
