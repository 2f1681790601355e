using System.Text.Json.Nodes;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests.Jobs;

/// <summary>The API with its scheduler running (no SMTP server configured: notifications wait).</summary>
public sealed class JobsApi : HospitalApi
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hospital:Jobs:Enabled", "true")];
}

/// <summary>jobs, runJob, notifications and retryNotification over HTTP, as an admin.</summary>
public sealed class JobApiTests(JobsApi api) : IClassFixture<JobsApi>
{
    private const string Job = "name description schedule cron nextRunAt running runCount lastRun { startedAt finishedAt durationMs status error instance manual }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jobs_ListsTheReminderAndSenderJobs_WithTheirScheduleAndNextRun()
    {
        var result = await api.PostAsAsync("admin", $"{{ jobs {{ {Job} }} }}");

        var jobs = result["data"]!["jobs"]!.AsArray();
        Assert.Equal(["appointment-reminders", "notification-sender"], jobs.Select(j => (string)j!["name"]!));
        Assert.Equal("Daily at 08:00 (UTC)", (string?)jobs[0]!["schedule"]);
        Assert.Equal("0 0 8 * * ?", (string?)jobs[0]!["cron"]);
        Assert.Equal("Every minute", (string?)jobs[1]!["schedule"]);
        Assert.All(jobs, j => Assert.NotNull((string?)j!["nextRunAt"]));
    }

    [Fact]
    public async Task RunJob_RunsItOnce_AndTheRunShowsInJobs()
    {
        var before = await RemindersAsync();

        var result = await api.PostAsAsync("admin", $"mutation {{ runJob(input: {{ name: \"appointment-reminders\" }}) {{ backgroundJob {{ name }} errors {{ __typename }} }} }}");

        Assert.Equal("appointment-reminders", (string?)result["data"]!["runJob"]!["backgroundJob"]!["name"]);
        JsonNode? job = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((job = await RemindersAsync())["runCount"]!.GetValue<int>() <= before["runCount"]!.GetValue<int>() || job["running"]!.GetValue<bool>())
        {
            Assert.True(DateTime.UtcNow < deadline, "The requested run never finished: " + job.ToJsonString());
            await Task.Delay(50, Ct);
        }

        var run = job["lastRun"]!;
        Assert.Equal("SUCCEEDED", (string?)run["status"]);
        Assert.True(run["manual"]!.GetValue<bool>());
        Assert.Null((string?)run["error"]);
        Assert.False(string.IsNullOrEmpty((string?)run["instance"]));
        Assert.True(DateTime.Parse((string)run["finishedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= DateTime.Parse((string)run["startedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunJob_WithAnUnknownName_ReturnsNotFoundError()
    {
        var result = await api.PostAsAsync("admin", "mutation { runJob(input: { name: \"payroll\" }) { backgroundJob { name } errors { __typename ... on Error { message } } } }");

        Assert.Null(result["data"]!["runJob"]!["backgroundJob"]);
        Assert.Equal("NotFoundError", (string?)result["data"]!["runJob"]!["errors"]![0]!["__typename"]);
    }

    [Fact]
    public async Task Notifications_FilteredByStatus_ListTheOutbox_AndOnlyAFailedOneIsRetried()
    {
        // Arrange: the reminders of the demo data's next two weeks, and one of them failed for good.
        for (var day = new DateOnly(2026, 11, 19); day < new DateOnly(2026, 12, 3); day = day.AddDays(1))
        {
            await api.Services.GetRequiredService<AppointmentReminders>().EnqueueAsync(day, Ct);
        }

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var pending = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending, Ct);
        Assert.True(pending > 1);
        var failedId = await db.Notifications.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(Ct);
        await db.Notifications.Where(n => n.Id == failedId).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.Attempts, 5)
            .SetProperty(n => n.LastError, "Connection refused").SetProperty(n => n.NextAttemptAt, (DateTime?)null), Ct);

        // Act
        var failed = await api.PostAsAsync("admin", "{ notifications(status: FAILED) { totalCount nodes { id status attempts lastError recipient subject patient { lastName } appointment { startsAt } } } }");
        var waiting = await api.PostAsAsync("admin", "{ notifications(where: { status: { eq: PENDING } }, first: 2) { totalCount nodes { id status } } }");

        // Assert
        var failedNode = failed["data"]!["notifications"]!["nodes"]![0]!;
        Assert.Equal(1, failed["data"]!["notifications"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(("FAILED", 5, "Connection refused"), ((string?)failedNode["status"], failedNode["attempts"]!.GetValue<int>(), (string?)failedNode["lastError"]));
        Assert.NotNull((string?)failedNode["patient"]!["lastName"]);
        Assert.Equal(pending - 1, waiting["data"]!["notifications"]!["totalCount"]!.GetValue<int>());

        // Notifications name patients: reading them is in the audit log, under the patient.
        var patientId = await db.Notifications.Where(n => n.Id == failedId).Select(n => n.PatientId).SingleAsync(Ct);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.PatientId == patientId && e.EntityType.Contains("Notification") && e.UserName == "admin", Ct));

        const string Retry = "mutation($id: ID!) { retryNotification(input: { notificationId: $id }) { notification { status attempts nextAttemptAt } errors { __typename } } }";
        var retried = await api.PostAsAsync("admin", Retry, new { id = (string)failedNode["id"]! });
        Assert.Equal("PENDING", (string?)retried["data"]!["retryNotification"]!["notification"]!["status"]);
        Assert.Equal(0, retried["data"]!["retryNotification"]!["notification"]!["attempts"]!.GetValue<int>());
        var again = await api.PostAsAsync("admin", Retry, new { id = (string)failedNode["id"]! });
        Assert.Equal("InvalidTransitionError", (string?)again["data"]!["retryNotification"]!["errors"]![0]!["__typename"]);
    }

    private async Task<JsonNode> RemindersAsync() =>
        (await api.PostAsAsync("admin", $"{{ jobs {{ {Job} }} }}"))["data"]!["jobs"]!.AsArray().Single(j => (string?)j!["name"] == "appointment-reminders")!;
}
