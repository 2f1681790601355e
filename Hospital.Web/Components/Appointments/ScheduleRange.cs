using System.Globalization;

namespace Hospital.Web.Components.Appointments;

public enum ScheduleView
{
    Day,
    Week,
}

/// <summary>
/// The days a schedule shows: one day, or the Monday-to-Sunday week around a date. Days are the hospital's local days;
/// <see cref="HospitalTime.Range"/> turns them into the instants the API filters by (a week across a daylight-saving
/// change is 167 or 169 hours long, as it is on the ward clock).
/// </summary>
public sealed record ScheduleRange(ScheduleView View, DateOnly First, int Days)
{
    public DateOnly Last => First.AddDays(Days - 1);

    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, Days).Select(First.AddDays);

    public static ScheduleRange For(ScheduleView view, DateOnly date) =>
        view == ScheduleView.Week ? new ScheduleRange(view, StartOfWeek(date), 7) : new ScheduleRange(view, date, 1);

    public static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public ScheduleRange Previous() => new(View, First.AddDays(-Days), Days);

    public ScheduleRange Next() => new(View, First.AddDays(Days), Days);

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>The day after the last: the end of the range as <see cref="HospitalTime.Range"/> takes it.</summary>
    public DateOnly End => First.AddDays(Days);

    /// <summary>"Wednesday 18 November 2026" for a day, "16 – 22 November 2026" (or across months and years) for a week.</summary>
    public string Title
    {
        get
        {
            if (Days == 1)
            {
                return Format(First, "dddd d MMMM yyyy");
            }

            if (First.Year != Last.Year)
            {
                return $"{Format(First, "d MMMM yyyy")} – {Format(Last, "d MMMM yyyy")}";
            }

            return First.Month == Last.Month
                ? $"{Format(First, "%d")} – {Format(Last, "d MMMM yyyy")}"
                : $"{Format(First, "d MMMM")} – {Format(Last, "d MMMM yyyy")}";
        }
    }

    /// <summary>The range in a sentence's words: "on Tuesday 24 Nov", "in the week of 23 Nov".</summary>
    public string Phrase => Days == 1 ? $"on {Format(First, "dddd d MMM")}" : $"in the week of {Format(First, "d MMM")}";

    public static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}
