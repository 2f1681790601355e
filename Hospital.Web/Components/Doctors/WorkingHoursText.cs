using System.Globalization;

namespace Hospital.Web.Components.Doctors;

/// <summary>A doctor's weekly hours as short lines staff read at a glance: "Mon–Fri 08:00–16:00", "Sat 09:00–13:00".</summary>
public static class WorkingHoursText
{
    private static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static IReadOnlyList<string> Lines(IEnumerable<(DayOfWeek Day, TimeOnly Start, TimeOnly End)> hours)
    {
        // Each day's ranges as one text; consecutive days (Monday first) with the same text share a line.
        var byDay = hours
            .GroupBy(h => h.Day)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.OrderBy(h => h.Start).Select(h => $"{Time(h.Start)}–{Time(h.End)}")));
        var lines = new List<string>();
        var i = 0;
        while (i < Week.Length)
        {
            if (!byDay.TryGetValue(Week[i], out var text))
            {
                i++;
                continue;
            }

            var last = i;
            while (last + 1 < Week.Length && byDay.TryGetValue(Week[last + 1], out var next) && next == text)
            {
                last++;
            }

            var days = last == i ? Short(Week[i]) : $"{Short(Week[i])}–{Short(Week[last])}";
            lines.Add($"{days} {text}");
            i = last + 1;
        }

        return lines;
    }

    public static DayOfWeek ToSystem(GraphQL.DayOfWeek day) => day switch
    {
        GraphQL.DayOfWeek.Monday => DayOfWeek.Monday,
        GraphQL.DayOfWeek.Tuesday => DayOfWeek.Tuesday,
        GraphQL.DayOfWeek.Wednesday => DayOfWeek.Wednesday,
        GraphQL.DayOfWeek.Thursday => DayOfWeek.Thursday,
        GraphQL.DayOfWeek.Friday => DayOfWeek.Friday,
        GraphQL.DayOfWeek.Saturday => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static string Short(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
