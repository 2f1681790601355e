using Quartz;

namespace Hospital.GraphQL.Jobs;

/// <summary>The jobs this application schedules: their keys, what they do, and when they run.</summary>
public static class HospitalJobs
{
    public const string Group = "hospital";

    public static readonly JobKey AppointmentReminders = new("appointment-reminders", Group);
    public static readonly JobKey NotificationSender = new("notification-sender", Group);

    public static IReadOnlyList<JobKey> All { get; } = [AppointmentReminders, NotificationSender];

    /// <summary>The triggers of the jobs' own schedules (a "run now" adds one-off triggers beside them).</summary>
    public static readonly TriggerKey ReminderSchedule = new("appointment-reminders-daily", Group);
    public static readonly TriggerKey SenderSchedule = new("notification-sender-interval", Group);

    public static TriggerKey ScheduleOf(JobKey key) => key == AppointmentReminders ? ReminderSchedule : SenderSchedule;

    public static string Describe(JobKey key) => key == AppointmentReminders
        ? "Writes an email reminder for each of the next day's scheduled appointments whose patient has an email address (once per appointment)."
        : "Sends the pending notifications by email and retries failed ones with a growing delay.";
}

[DisallowConcurrentExecution]
public sealed class AppointmentReminderJob(AppointmentReminders reminders, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A scheduled run is for the day after its scheduled time even when it starts late (a misfire after every
        // instance was down); a run asked for by hand is for the day after now.
        var at = context.Trigger is ICronTrigger && context.ScheduledFireTimeUtc is { } scheduled ? scheduled : clock.GetUtcNow();
        context.Result = await reminders.EnqueueAsync(reminders.NextDay(at), cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class NotificationSenderJob(NotificationSender sender) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendDueAsync(context.Scheduler.SchedulerInstanceId, cancellationToken);
        context.Result = outcome;
    }
}
