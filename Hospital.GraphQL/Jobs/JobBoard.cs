using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Quartz.Extensibility;

namespace Hospital.GraphQL.Jobs;

/// <summary>How a job run ended (Quartz's result, named for the API).</summary>
public enum JobRunOutcome
{
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}

[GraphQLDescription("One run of a background job, from the cluster's shared run history.")]
[Authorize(Roles = [Access.Jobs])]
public sealed record JobRun(
    DateTime StartedAt,
    DateTime FinishedAt,
    [property: GraphQLDescription("How long the run took, in milliseconds.")] int DurationMs,
    JobRunOutcome Status,
    [property: GraphQLDescription("What the job threw, when it failed.")] string? Error,
    [property: GraphQLDescription("The instance (scheduler id) that ran it.")] string Instance,
    [property: GraphQLDescription("Whether it was asked for with runJob (\"run now\") rather than fired by its schedule.")] bool Manual);

[GraphQLDescription("A background job of the cluster: what it does, when it runs, how its runs went.")]
[Authorize(Roles = [Access.Jobs])]
public sealed record BackgroundJob(
    [property: GraphQLDescription("The job's name, as runJob takes it.")] string Name,
    string Description,
    [property: GraphQLDescription("The schedule in words, in the hospital's time zone.")] string Schedule,
    [property: GraphQLDescription("The cron expression of a daily job (Quartz syntax, with seconds), or null.")] string? Cron,
    [property: GraphQLDescription("When the schedule fires next; null when it is not scheduled.")] DateTime? NextRunAt,
    [property: GraphQLDescription("Whether an instance is running it now.")] bool Running,
    [property: GraphQLDescription("The latest run, or null before the first.")] JobRun? LastRun,
    [property: GraphQLDescription("The latest runs, newest first (at most 10).")] IReadOnlyList<JobRun> RecentRuns,
    int RunCount,
    int FailureCount);

/// <summary>
/// What the admins see of the jobs, read from the shared store rather than this process: the schedule and next runs
/// from the job store, the runs from Quartz's execution history (written by whichever instance ran them), what is
/// executing from the fired-triggers table. "Run now" is a one-off trigger in the store: any instance that runs jobs
/// picks it up, once.
/// </summary>
public sealed class JobBoard(ISchedulerFactory schedulers, IExecutionHistoryStore history, IDbContextFactory<HospitalDbContext> factory, HospitalDataOptions data)
{
    private const int RecentRuns = 10;

    public async Task<IReadOnlyList<BackgroundJob>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var running = await RunningJobsAsync(scheduler.SchedulerName, cancellationToken);
        var jobs = new List<BackgroundJob>();
        foreach (var key in HospitalJobs.All)
        {
            jobs.Add(await DescribeAsync(scheduler, key, running, cancellationToken));
        }

        return jobs;
    }

    /// <summary>Asks for a run of the job now; <see cref="NotFoundException"/> when there is no such job.</summary>
    public async Task<BackgroundJob> RunAsync(string name, CancellationToken cancellationToken)
    {
        var key = HospitalJobs.All.FirstOrDefault(k => k.Name == name) ?? throw new NotFoundException("job", name);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(key, cancellationToken);
        return await DescribeAsync(scheduler, key, await RunningJobsAsync(scheduler.SchedulerName, cancellationToken), cancellationToken);
    }

    private async Task<BackgroundJob> DescribeAsync(IScheduler scheduler, JobKey key, IReadOnlySet<string> running, CancellationToken cancellationToken)
    {
        var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
        var schedule = triggers.FirstOrDefault(t => t.Key.Equals(HospitalJobs.ScheduleOf(key)));
        var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
        var status = await history.GetJobRunStatus(scheduler.SchedulerName, key, cancellationToken);
        var runs = await history.QueryExecutions(new ExecutionHistoryQuery { SchedulerName = scheduler.SchedulerName, Job = key, Take = RecentRuns }, cancellationToken);
        var recent = runs.Items.Select(ToRun).ToList();
        return new BackgroundJob(
            key.Name,
            HospitalJobs.Describe(key),
            schedule switch
            {
                ICronTrigger cron => Describe(cron),
                ISimpleTrigger simple => $"Every {Describe(simple.RepeatInterval)}",
                _ => "Not scheduled",
            },
            (schedule as ICronTrigger)?.CronExpressionString,
            next?.UtcDateTime,
            running.Contains(key.Name),

            // The kept rows go back 30 days; the job's status outlives them.
            recent.FirstOrDefault() ?? (status is null ? null : ToRun(status)),
            recent,
            (int)(status?.RunCount ?? 0),
            (int)(status?.FailureCount ?? 0));
    }

    private static JobRun ToRun(Quartz.JobRunStatus status) => new(
        status.LastFiredAtUtc.UtcDateTime,
        (status.LastFiredAtUtc + status.LastDuration).UtcDateTime,
        (int)Math.Min(int.MaxValue, status.LastDuration.TotalMilliseconds),
        ToOutcome(status.LastResult),
        status.LastResult == JobRunResult.Failed ? status.LastFailureMessage : null,
        status.LastSchedulerInstanceId ?? "",
        false);

    private static JobRun ToRun(Quartz.ExecutionHistoryEntry entry) => new(
        entry.FiredAtUtc.UtcDateTime,
        (entry.FiredAtUtc + entry.Duration).UtcDateTime,
        (int)Math.Min(int.MaxValue, entry.Duration.TotalMilliseconds),
        ToOutcome(entry.EffectiveResult),
        entry.ExceptionMessage,
        entry.SchedulerInstanceId,
        entry.Manual);

    private static JobRunOutcome ToOutcome(JobRunResult result) => result switch
    {
        JobRunResult.Succeeded => JobRunOutcome.Succeeded,
        JobRunResult.Skipped => JobRunOutcome.Skipped,
        JobRunResult.Cancelled => JobRunOutcome.Cancelled,
        _ => JobRunOutcome.Failed,
    };

    private string Describe(ICronTrigger cron)
    {
        var parts = cron.CronExpressionString!.Split(' ');
        return int.TryParse(parts[1], out var minute) && int.TryParse(parts[2], out var hour)
            ? $"Daily at {hour:00}:{minute:00} ({(cron.TimeZone ?? data.TimeZone).Id})"
            : $"Cron {cron.CronExpressionString} ({(cron.TimeZone ?? data.TimeZone).Id})";
    }

    private static string Describe(TimeSpan interval) => interval switch
    {
        { TotalMinutes: 1 } => "minute",
        { TotalSeconds: < 60 } => $"{interval.TotalSeconds:0} seconds",
        { TotalHours: < 1 } => $"{interval.TotalMinutes:0} minutes",
        _ => $"{interval.TotalHours:0.#} hours",
    };

    // The cluster's executing jobs: Quartz's own record of what every instance has fired and not finished.
    private async Task<IReadOnlySet<string>> RunningJobsAsync(string schedulerName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT JOB_NAME FROM {QuartzSchema.TablePrefix}FIRED_TRIGGERS WHERE SCHED_NAME = @scheduler AND STATE = 'EXECUTING'";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@scheduler";
        parameter.Value = schedulerName;
        command.Parameters.Add(parameter);
        var names = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                names.Add(reader.GetString(0));
            }
        }

        return names;
    }
}
