using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Appointments;

/// <summary>Appointment times as staff read them: in the hospital's zone, 24-hour, never UTC.</summary>
public static class AppointmentTimes
{
    public static (DateTimeOffset Start, DateTimeOffset End) Local(IScheduledAppointment appointment, HospitalTime time) =>
        (time.Local(appointment.StartsAt), time.Local(appointment.EndsAt));

    /// <summary>"09:00–09:30".</summary>
    public static string Span((DateTimeOffset Start, DateTimeOffset End) local) => $"{Time(local.Start)}–{Time(local.End)}";

    public static string Time(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"30 min", "1 h 15 min".</summary>
    public static string Duration(TimeSpan length) =>
        length.TotalMinutes < 60 ? $"{(int)length.TotalMinutes} min"
        : length.Minutes == 0 ? $"{(int)length.TotalHours} h"
        : $"{(int)length.TotalHours} h {length.Minutes} min";

    /// <summary>The local day an appointment belongs to on the schedule: the day it starts.</summary>
    public static DateOnly Day(IScheduledAppointment appointment, HospitalTime time) => DateOnly.FromDateTime(time.Local(appointment.StartsAt).DateTime);

    public static string Doctor(string fullName) => fullName.StartsWith("Dr ", StringComparison.Ordinal) ? fullName : "Dr " + fullName;
}
