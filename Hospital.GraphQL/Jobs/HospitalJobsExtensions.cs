using Hospital.Data;
using Hospital.Data.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hospital.GraphQL.Jobs;

public static class HospitalJobsExtensions
{
    /// <summary>
    /// Quartz.NET on the hospital's own database: the job store (tables of schema step 11), clustered on PostgreSQL and
    /// MySQL so that with several instances each run happens on one of them, and the store's execution history, so every instance shows the same
    /// runs. The jobs' schedule is put in place on start (<see cref="JobSchedule"/>); <c>Hospital:Jobs:Enabled=false</c>
    /// leaves this instance's scheduler stopped, still able to read the schedule and to ask for a run.
    /// </summary>
    public static IServiceCollection AddHospitalJobs(this IServiceCollection services)
    {
        // The job store is chosen when the container is built, so it needs the database settings now: AddHospitalData
        // registered them as an instance.
        var data = services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<HospitalDataOptions>().LastOrDefault()
            ?? throw new InvalidOperationException("Call AddHospitalData before AddHospitalGraphQL: background jobs keep their schedule in the hospital database.");
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<AppointmentReminders>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<JobBoard>();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                // Quartz refuses a clustered SQLite store (its locking cannot hold across processes); SQLite is for one
                // instance anyway.
                if (data.Provider != DatabaseProvider.Sqlite)
                {
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }

                store.UseExecutionHistory();
                switch (data.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(data.ConnectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(data.ConnectionString);
                        break;
                    case DatabaseProvider.MySql:
                        store.UseMySqlConnector(data.ConnectionString);
                        break;
                    default:
                        throw new NotSupportedException($"No Quartz job store for {data.Provider}.");
                }
            });
            // Both jobs are safe to run again (the outbox's unique index, the send claims), so a run cut short by an
            // instance that died is run again by another (clustered) or at the next start.
            q.AddJob<AppointmentReminderJob>(j => j.WithIdentity(HospitalJobs.AppointmentReminders).StoreDurably(true).RequestRecovery(true).WithDescription(HospitalJobs.Describe(HospitalJobs.AppointmentReminders)));
            q.AddJob<NotificationSenderJob>(j => j.WithIdentity(HospitalJobs.NotificationSender).StoreDurably(true).RequestRecovery(true).WithDescription(HospitalJobs.Describe(HospitalJobs.NotificationSender)));
        });
        services.AddOptions<QuartzSchedulerOptions>().Configure<IOptions<JobsOptions>, IConfiguration>((scheduler, jobs, configuration) =>
        {
            scheduler.InstanceName = "hospital";

            // The instance's name in the run history and, clustered, in the cluster: its own setting, else the one the
            // outbox cursors use. Clustered without either, Quartz makes a unique one (machine name and time); alone,
            // the machine name says where runs happened better than Quartz's NON_CLUSTERED.
            var id = string.IsNullOrWhiteSpace(jobs.Value.InstanceId) ? configuration["Hospital:InstanceId"] : jobs.Value.InstanceId;
            if (!string.IsNullOrWhiteSpace(id))
            {
                scheduler.InstanceId = id;
            }
            else if (data.Provider == DatabaseProvider.Sqlite)
            {
                scheduler.InstanceId = Environment.MachineName;
            }
        });
        services.Configure<ExecutionHistoryOptions>(history =>
        {
            // Quartz keeps a day by default; admins look back further, and the sender's runs (one a minute) must not
            // push the daily job's out.
            history.Retention = TimeSpan.FromDays(30);
            history.MaxEntriesPerJob = 2000;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddOptions<QuartzHostedServiceOptions>().Configure<IOptions<JobsOptions>>((hosted, jobs) => hosted.AutoStart = jobs.Value.Enabled);
        services.AddHostedService<JobSchedule>();
        return services;
    }
}

/// <summary>
/// Puts the jobs' triggers in the shared store on start: the daily reminders at <see cref="JobsOptions.ReminderTime"/> in
/// the hospital's time zone (a cron trigger in that zone, so 08:00 stays 08:00 across DST), the sender every
/// <see cref="JobsOptions.SenderInterval"/>. A trigger already there with the same schedule is kept, so a restart does
/// not move its next run; one with another schedule (the configuration changed) is replaced.
/// </summary>
internal sealed class JobSchedule(ISchedulerFactory schedulers, IOptions<JobsOptions> options, HospitalDataOptions data) : IHostedService
{
    public string ReminderCron => $"0 {options.Value.ReminderTime.Minute} {options.Value.ReminderTime.Hour} * * ?";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var reminders = TriggerBuilder.Create().WithIdentity(HospitalJobs.ReminderSchedule).ForJob(HospitalJobs.AppointmentReminders)
            .WithCronSchedule(ReminderCron, c => c.InTimeZone(data.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var sender = TriggerBuilder.Create().WithIdentity(HospitalJobs.SenderSchedule).ForJob(HospitalJobs.NotificationSender)
            .WithSimpleSchedule(s => s.WithInterval(options.Value.SenderInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .StartNow()
            .Build();

        if (await scheduler.GetTrigger(HospitalJobs.ReminderSchedule, cancellationToken) is not ICronTrigger existing
            || existing.CronExpressionString != ReminderCron || existing.TimeZone.Id != data.TimeZone.Id)
        {
            await scheduler.ScheduleJob(reminders, ScheduleJobOptions.Replacing, cancellationToken);
        }

        if (await scheduler.GetTrigger(HospitalJobs.SenderSchedule, cancellationToken) is not ISimpleTrigger interval || interval.RepeatInterval != options.Value.SenderInterval)
        {
            await scheduler.ScheduleJob(sender, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
