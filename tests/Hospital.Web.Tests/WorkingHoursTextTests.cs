using Hospital.Web.Components.Doctors;

namespace Hospital.Web.Tests;

public sealed class WorkingHoursTextTests
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly Four = new(16, 0);

    [Fact]
    public void Lines_SameHoursOnConsecutiveDays_ShareOneLine()
    {
        var week = new[] { DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }
            .Select(d => (d, Eight, Four));

        Assert.Equal(["Mon–Fri 08:00–16:00"], WorkingHoursText.Lines(week));
    }

    [Fact]
    public void Lines_DifferentHoursAndGaps_StartNewLines_MondayFirst()
    {
        var week = new[]
        {
            (DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
            (DayOfWeek.Monday, Eight, Four),
            (DayOfWeek.Tuesday, Eight, Four),
            (DayOfWeek.Thursday, Eight, Four),
            (DayOfWeek.Friday, Eight, new TimeOnly(12, 0)),
            (DayOfWeek.Friday, new TimeOnly(13, 0), Four),
        };

        Assert.Equal(["Mon–Tue 08:00–16:00", "Thu 08:00–16:00", "Fri 08:00–12:00, 13:00–16:00", "Sun 09:00–12:00"], WorkingHoursText.Lines(week));
    }

    [Fact]
    public void Lines_NoHours_IsEmpty() => Assert.Empty(WorkingHoursText.Lines([]));
}
