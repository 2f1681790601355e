using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.FrontDesk;

/// <summary>The front desk's words and the reading of its mutations' results, out of the markup.</summary>
public static class FrontDeskText
{
    /// <summary>"4 min", "1 h 05 min".</summary>
    public static string Minutes(TimeSpan span)
    {
        var minutes = Math.Max(0, (int)span.TotalMinutes);
        return minutes < 60 ? $"{minutes} min" : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min");
    }

    /// <summary>Who the patient waits for: "Dr Ana Silva" or "any doctor of Cardiology".</summary>
    public static string WaitsFor(IWaitlistRow entry) =>
        entry.Doctor is { } doctor ? doctor.FullName : entry.Department is { } department ? $"any doctor of {department.Name}" : "any doctor";
}
