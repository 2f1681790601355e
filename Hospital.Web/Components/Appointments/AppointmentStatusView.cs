using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Appointments;

/// <summary>How an appointment status reads on the schedule: words and an icon always, colour only as a third cue.</summary>
public static class AppointmentStatusView
{
    public static readonly IReadOnlyList<AppointmentStatus> All =
    [
        AppointmentStatus.Scheduled, AppointmentStatus.CheckedIn, AppointmentStatus.InProgress,
        AppointmentStatus.Completed, AppointmentStatus.Cancelled, AppointmentStatus.NoShow,
    ];

    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Scheduled => "Scheduled",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InProgress => "In progress",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        _ => Labels.Of(status),
    };

    public static string Icon(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Scheduled => "schedule",
        AppointmentStatus.CheckedIn => "how_to_reg",
        AppointmentStatus.InProgress => "clinical_notes",
        AppointmentStatus.Completed => "check_circle",
        AppointmentStatus.Cancelled => "event_busy",
        AppointmentStatus.NoShow => "person_off",
        _ => "help",
    };

    // The same tones as the home page's "Today's clinic by status", so a status looks alike everywhere.
    public static ChipTone Tone(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Completed => ChipTone.Success,
        AppointmentStatus.InProgress => ChipTone.Warning,
        AppointmentStatus.Cancelled => ChipTone.Neutral,
        AppointmentStatus.NoShow => ChipTone.Danger,
        _ => ChipTone.Info,
    };

    /// <summary>The status as a CSS and data-status token: "scheduled", "checked-in", "no-show".</summary>
    public static string Key(AppointmentStatus status) => Label(status).ToLowerInvariant().Replace(' ', '-');

    /// <summary>Cancelled and no-show appointments stay on the schedule but no longer take the doctor's time.</summary>
    public static bool IsActive(AppointmentStatus status) => status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);
}
