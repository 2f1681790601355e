using System.Globalization;
using Hospital.Data;

namespace Hospital.Web.Components;

/// <summary>
/// The hospital's clock and calendar for the UI: instants from the API are UTC, staff read them in the hospital's time
/// zone (<c>Hospital:TimeZone</c>), and "today" is the hospital's local day.
/// </summary>
public sealed class HospitalTime(HospitalDataOptions options, TimeProvider clock)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public TimeZoneInfo Zone => options.TimeZone;

    /// <summary>The hospital's local date today.</summary>
    public DateOnly Today => options.Today(clock.GetUtcNow().UtcDateTime);

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>An instant as the hospital's wall clock shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instants [start, end) of a local day (23 or 25 hours long on daylight-saving changes).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Day(DateOnly day) => Range(day, day.AddDays(1));

    /// <summary>The UTC instants [start of <paramref name="first"/>, start of <paramref name="end"/>) in local days.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly first, DateOnly end) => (StartOf(first), StartOf(end));

    /// <summary>"24 Nov 2026".</summary>
    public string Date(DateTimeOffset instant) => Local(instant).ToString("d MMM yyyy", Culture);

    /// <summary>"24 Nov 2026 14:30".</summary>
    public string DateTime(DateTimeOffset instant) => Local(instant).ToString("d MMM yyyy HH:mm", Culture);

    /// <summary>"14:30".</summary>
    public string Time(DateTimeOffset instant) => Local(instant).ToString("HH:mm", Culture);

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);

        // Midnight may not exist (a spring-forward at 00:00): the day then starts at the first valid local time.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
