using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Data.Tests;

public sealed class AvailabilityTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    // Monday 23 November 2026 (winter time in Berlin, UTC+1).
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static WorkingHours[] Block(DayOfWeek day, int fromHour, int toHour) =>
        [new() { DayOfWeek = day, StartTime = new TimeOnly(fromHour, 0), EndTime = new TimeOnly(toHour, 0) }];

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<string> Starts(IEnumerable<FreeSlot> slots) => [.. slots.Select(s => s.StartsAt.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    private static IReadOnlyList<FreeSlot> Slots(WorkingHours[] hours, DateTime from, DateTime to, TimeOff[]? off = null, Appointment[]? bookings = null, TimeSpan? duration = null, TimeSpan? slot = null) =>
        Availability.FreeSlots(1, hours, off ?? [], bookings ?? [], from, to, slot ?? HalfHour, duration ?? HalfHour, Berlin);

    private static Appointment Booking(DateTime start, int minutes, AppointmentStatus? status = null)
    {
        var appointment = new Appointment { DoctorId = 1, StartsAt = start, EndsAt = start.AddMinutes(minutes), Reason = "x" };
        if (status is { } next)
        {
            appointment.TransitionTo(next, start, "test");
        }

        return appointment;
    }

    [Fact]
    public void WorkingHours_GiveSlotsOnTheGrid_InLocalTime()
    {
        // 09:00-12:00 in Berlin is 08:00-11:00 UTC in November.
        var slots = Slots(Block(DayOfWeek.Monday, 9, 12), Utc(2026, 11, 23, 0), Utc(2026, 11, 24, 0));

        Assert.Equal(["11-23 08:00", "11-23 08:30", "11-23 09:00", "11-23 09:30", "11-23 10:00", "11-23 10:30"], Starts(slots));
        Assert.All(slots, s => Assert.Equal(HalfHour, s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void LongerDuration_StepsByTheSlotLength_AndEndsInsideTheBlock()
    {
        var slots = Slots(Block(DayOfWeek.Monday, 9, 11), Utc(2026, 11, 23, 0), Utc(2026, 11, 24, 0), duration: TimeSpan.FromHours(1), slot: TimeSpan.FromMinutes(20));

        Assert.Equal(["11-23 08:00", "11-23 08:20", "11-23 08:40", "11-23 09:00"], Starts(slots));
    }

    [Fact]
    public void TheRange_CutsSlots_AndOtherDaysHaveNone()
    {
        var slots = Slots(Block(DayOfWeek.Monday, 9, 12), Utc(2026, 11, 23, 9, 15), Utc(2026, 11, 30, 8, 45));

        // Slots lie wholly inside the range: 09:00 UTC has begun, and on 30 November 08:30-09:00 ends after it.
        Assert.Equal(["11-23 09:30", "11-23 10:00", "11-23 10:30", "11-30 08:00"], Starts(slots));
    }

    [Fact]
    public void TimeOff_RemovesTheSlotsItTouches()
    {
        TimeOff[] off = [new() { DoctorId = 1, StartsAt = Utc(2026, 11, 23, 9, 0), EndsAt = Utc(2026, 11, 23, 9, 45) }];

        var slots = Slots(Block(DayOfWeek.Monday, 9, 12), Utc(2026, 11, 23, 0), Utc(2026, 11, 24, 0), off);

        Assert.Equal(["11-23 08:00", "11-23 08:30", "11-23 10:00", "11-23 10:30"], Starts(slots));
    }

    [Fact]
    public void Bookings_RemoveOverlappingSlots_ButCancelledOnesFreeThem()
    {
        Appointment[] bookings =
        [
            Booking(Utc(2026, 11, 23, 8, 15), 30),
            Booking(Utc(2026, 11, 23, 10, 0), 30, AppointmentStatus.Cancelled),
            Booking(Utc(2026, 11, 23, 10, 30), 30, AppointmentStatus.NoShow),
        ];

        var slots = Slots(Block(DayOfWeek.Monday, 9, 12), Utc(2026, 11, 23, 0), Utc(2026, 11, 24, 0), bookings: bookings);

        // 08:15-08:45 overlaps 08:00 and 08:30; a slot may start when a booking ends (half-open intervals).
        Assert.Equal(["11-23 09:00", "11-23 09:30", "11-23 10:00", "11-23 10:30"], Starts(slots));
        Assert.DoesNotContain(slots, s => AppointmentRules.Overlaps(s.StartsAt, s.EndsAt, bookings[0].StartsAt, bookings[0].EndsAt));
    }

    [Fact]
    public void SpringForward_SkipsTheHourTheClockJumps()
    {
        // Sunday 29 March 2026: at 02:00 the clock in Berlin jumps to 03:00 (UTC+1 -> UTC+2).
        var slots = Slots(Block(DayOfWeek.Sunday, 1, 4), Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0));

        // 01:00 and 01:30 are UTC+1, 03:00 and 03:30 are UTC+2: four real half hours, none at a time that never was.
        Assert.Equal(["03-29 00:00", "03-29 00:30", "03-29 01:00", "03-29 01:30"], Starts(slots));
    }

    [Fact]
    public void SpringForward_ASlotAcrossTheJump_LastsItsRealDuration()
    {
        var slots = Slots(Block(DayOfWeek.Sunday, 1, 4), Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0), duration: TimeSpan.FromHours(1));

        // 01:30 local + one real hour is 03:30 local: inside the block.
        Assert.Contains(slots, s => s.StartsAt == Utc(2026, 3, 29, 0, 30) && s.EndsAt == Utc(2026, 3, 29, 1, 30));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void FallBack_OffersTheRepeatedHourTwice()
    {
        // Sunday 25 October 2026: at 03:00 the clock in Berlin goes back to 02:00 (UTC+2 -> UTC+1).
        var slots = Slots(Block(DayOfWeek.Sunday, 1, 4), Utc(2026, 10, 24, 0), Utc(2026, 10, 26, 0));

        // 01:00-04:00 local is four real hours that day: eight half-hour slots, consecutive in UTC.
        Assert.Equal(["10-24 23:00", "10-24 23:30", "10-25 00:00", "10-25 00:30", "10-25 01:00", "10-25 01:30", "10-25 02:00", "10-25 02:30"], Starts(slots));
    }

    [Fact]
    public void AfterTheChange_LocalHoursMoveInUtc()
    {
        // 09:00 in Berlin: 08:00 UTC on Monday 23 March (winter), 07:00 UTC on Monday 30 March (summer).
        var slots = Slots(Block(DayOfWeek.Monday, 9, 10), Utc(2026, 3, 23, 0), Utc(2026, 3, 31, 0));

        Assert.Equal(["03-23 08:00", "03-23 08:30", "03-30 07:00", "03-30 07:30"], Starts(slots));
    }

    [Fact]
    public void EveryOfferedSlot_PassesTheBookingRules()
    {
        var hours = Block(DayOfWeek.Monday, 8, 16);
        TimeOff[] off = [new() { DoctorId = 1, StartsAt = Utc(2026, 11, 23, 12, 10), EndsAt = Utc(2026, 11, 23, 13, 0) }];
        Appointment[] bookings = [Booking(Utc(2026, 11, 23, 9, 5), 25)];

        var slots = Availability.FreeSlots(1, hours, off, bookings, Monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Monday.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45), Berlin);

        Assert.NotEmpty(slots);
        Assert.All(slots, s =>
        {
            Assert.True(AppointmentRules.IsWithinWorkingHours(hours, off, s.StartsAt, s.EndsAt, Berlin));
            Assert.DoesNotContain(bookings, b => AppointmentRules.Overlaps(b.StartsAt, b.EndsAt, s.StartsAt, s.EndsAt));
        });
    }
}
