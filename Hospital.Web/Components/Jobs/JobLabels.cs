using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Jobs;

/// <summary>The words and chip colours of the background jobs page.</summary>
public static class JobLabels
{
    public static string Title(string job) => job switch
    {
        "appointment-reminders" => "Appointment reminders",
        "notification-sender" => "Notification sender",
        _ => job,
    };

    public static string Of(JobRunOutcome outcome) => outcome switch
    {
        JobRunOutcome.Succeeded => "Succeeded",
        JobRunOutcome.Failed => "Failed",
        JobRunOutcome.Skipped => "Skipped",
        _ => "Cancelled",
    };

    public static string Chip(JobRunOutcome outcome) => outcome switch
    {
        JobRunOutcome.Succeeded => "chip chip-success",
        JobRunOutcome.Failed => "chip chip-danger",
        _ => "chip chip-neutral",
    };

    public static string Of(NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "Pending",
        NotificationStatus.Sending => "Sending",
        NotificationStatus.Sent => "Sent",
        _ => "Failed",
    };

    public static string Chip(NotificationStatus status) => status switch
    {
        NotificationStatus.Sent => "chip chip-success",
        NotificationStatus.Failed => "chip chip-danger",
        NotificationStatus.Sending => "chip chip-info",
        _ => "chip chip-warning",
    };

    /// <summary>A run's length for people: "320 ms", "4.2 s", "3 min 5 s".</summary>
    public static string Duration(int milliseconds) => milliseconds switch
    {
        < 1000 => $"{milliseconds} ms",
        < 60_000 => $"{milliseconds / 1000.0:0.0} s",
        _ => $"{milliseconds / 60_000} min {milliseconds / 1000 % 60} s",
    };
}
