using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Jobs;
using Hospital.GraphQL.Tests.Delivery;
using Hospital.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using Quartz;

namespace Hospital.GraphQL.Tests.Jobs;

/// <summary>
/// The daily reminders end to end on one database: two API instances (each with its clustered Quartz scheduler) run the
/// reminder and sender jobs at the same moment, and again after one restarts; an in-process SMTP server (netDumbster)
/// counts what arrives. Each test has a database of its own.
/// </summary>
public abstract class ReminderJobTests
{
    // The demo data's "today" (the hospital is on UTC here); its bookings are spread over the following six weeks.
    private static readonly DateTimeOffset SeedDay = new(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>A connection string to a database of its own for <paramref name="name"/> (the test is skipped when the server is missing).</summary>
    protected abstract string ConnectionString(string name);

    [Fact]
    public async Task Reminders_TwoInstancesTogetherAndAgainAfterARestart_SendOneEmailPerAppointment()
    {
        // Arrange
        using var smtp = SimpleSmtpServer.Start();
        var connection = ConnectionString("reminders_once");
        var clock = new TestClock(SeedDay);
        var settings = Settings(smtp.Configuration.Port);
        await using var a = await Instance.StartAsync(Provider, connection, "node-a", settings, s => s.AddSingleton<TimeProvider>(clock));
        var day = await BusiestDayAsync(a);
        clock.Now = new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var b = await Instance.StartAsync(Provider, connection, "node-b", SecondSettings(settings), s => s.AddSingleton<TimeProvider>(clock));
        var expected = await DueRemindersAsync(a, day);

        // Act: both schedulers fire the reminder job, and both instances also run the enqueue itself at once (past
        // Quartz's one-at-a-time rule, so the database's unique index is what has to hold).
        await Task.WhenAll(
            TriggerAsync(a, HospitalJobs.AppointmentReminders),
            TriggerAsync(b, HospitalJobs.AppointmentReminders),
            Task.Run(() => Reminders(a).EnqueueAsync(day, Ct), Ct),
            Task.Run(() => Reminders(b).EnqueueAsync(day, Ct), Ct));
        await RunsAsync(a, HospitalJobs.AppointmentReminders, 2);

        // Both senders (scheduled and direct) at once.
        await Task.WhenAll(
            TriggerAsync(a, HospitalJobs.NotificationSender),
            TriggerAsync(b, HospitalJobs.NotificationSender),
            Task.Run(() => Sender(a).SendDueAsync("node-a-direct", Ct), Ct),
            Task.Run(() => Sender(b).SendDueAsync("node-b-direct", Ct), Ct));
        await Instance.EventuallyAsync(async () => (await NotificationsAsync(a)).All(n => n.Status == NotificationStatus.Sent), "every reminder sent");

        // A restart of B, which then runs both jobs again.
        await b.DisposeAsync();
        await using var restarted = await Instance.StartAsync(Provider, connection, "node-b", SecondSettings(settings), s => s.AddSingleton<TimeProvider>(clock));
        var before = (await StatusAsync(a, HospitalJobs.NotificationSender)).RunCount;
        await TriggerAsync(restarted, HospitalJobs.AppointmentReminders);
        await TriggerAsync(restarted, HospitalJobs.NotificationSender);
        await RunsAsync(a, HospitalJobs.AppointmentReminders, 3);
        await RunsAsync(a, HospitalJobs.NotificationSender, before + 1);

        // Assert: one notification and one email per appointment, to its patient, naming its time.
        var notifications = await NotificationsAsync(a);
        Assert.Equal(expected.Keys.Order(), notifications.Select(n => n.AppointmentId).Order());
        Assert.All(notifications, n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        var mails = smtp.ReceivedEmail;
        Assert.Equal(expected.Count, mails.Length);
        Assert.Equal(notifications.Select(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), mails.Select(m => m.Headers["X-Hospital-Notification"]).Order());
        foreach (var mail in mails)
        {
            var notification = notifications.Single(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == mail.Headers["X-Hospital-Notification"]);
            var (recipient, startsAt) = expected[notification.AppointmentId];
            Assert.Equal(recipient, mail.ToAddresses.Single().Address);
            Assert.Contains($"on {startsAt:dddd d MMMM yyyy} at {startsAt:HH:mm}", mail.Subject, StringComparison.Ordinal);
        }

        // Every run is in the shared history, whichever instance ran it.
        var runs = (await Board(a).ListAsync(Ct)).Single(j => j.Name == HospitalJobs.AppointmentReminders.Name).RecentRuns;
        Assert.All(runs, r => Assert.Equal(JobRunOutcome.Succeeded, r.Status));
    }

    [Fact]
    public async Task Sending_WhileTheSmtpServerIsDown_FailsWithTheError_AndIsRetriedAfterTheDelay()
    {
        // Arrange: jobs off, so only this test's senders send.
        var connection = ConnectionString("reminders_retry");
        var clock = new TestClock(SeedDay);
        var settings = new Dictionary<string, string?> { ["Hospital:Jobs:Enabled"] = "false", ["Hospital:DemoPatients"] = "150" };
        await using var a = await Instance.StartAsync(Provider, connection, "node-a", settings, s => s.AddSingleton<TimeProvider>(clock));
        var count = await Reminders(a).EnqueueAsync(await BusiestDayAsync(a), Ct);
        Assert.True(count > 1);
        var jobs = new JobsOptions { RetryDelay = TimeSpan.FromMinutes(10), MaxAttempts = 3 };
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        // Act 1: the server is not there.
        var down = SenderWith(a, clock, jobs, closedPort);
        var outcome = await down.SendDueAsync("node-a", Ct);

        // Assert 1: the first one failed with the error and waits 10 minutes; the rest were left for the next run.
        Assert.Equal(new NotificationSender.Outcome(0, 1), outcome);
        var failed = (await NotificationsAsync(a)).Single(n => n.Status == NotificationStatus.Failed);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.Equal(SeedDay.UtcDateTime.AddMinutes(10), failed.NextAttemptAt);
        Assert.Equal(count - 1, (await NotificationsAsync(a)).Count(n => n.Status == NotificationStatus.Pending && n.Attempts == 0));

        // Act 2: the server is back, but the failed one's delay has not passed.
        using var smtp = SimpleSmtpServer.Start();
        var up = SenderWith(a, clock, jobs, smtp.Configuration.Port);
        await up.SendDueAsync("node-a", Ct);
        Assert.Equal(NotificationStatus.Failed, (await NotificationsAsync(a)).Single(n => n.Id == failed.Id).Status);

        // Act 3: ten minutes later.
        clock.Now = SeedDay.AddMinutes(10);
        await up.SendDueAsync("node-a", Ct);

        // Assert: every one sent once; the failed one on its second attempt.
        var all = await NotificationsAsync(a);
        Assert.All(all, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        Assert.Equal(2, all.Single(n => n.Id == failed.Id).Attempts);
        Assert.Null(all.Single(n => n.Id == failed.Id).LastError);
        Assert.Equal(count, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task Sending_OutOfAttempts_GivesUp_AndAClaimWhoseInstanceDied_IsSentByAnother()
    {
        // Arrange: jobs off; two reminders.
        var connection = ConnectionString("reminders_lease");
        var clock = new TestClock(SeedDay);
        await using var a = await Instance.StartAsync(Provider, connection, "node-a", new Dictionary<string, string?> { ["Hospital:Jobs:Enabled"] = "false", ["Hospital:DemoPatients"] = "150" }, s => s.AddSingleton<TimeProvider>(clock));
        await Reminders(a).EnqueueAsync(await BusiestDayAsync(a), Ct);
        var (given, held) = await TwoNotificationsAsync(a);
        await using (var db = await a.DbAsync())
        {
            // One is due but has used all its attempts but one; the other was claimed by an instance that then died.
            await db.Notifications.Where(n => n.Id != held).ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAt, SeedDay.UtcDateTime.AddDays(1)), Ct);
            await db.Notifications.Where(n => n.Id == given).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.Attempts, 2).SetProperty(n => n.NextAttemptAt, SeedDay.UtcDateTime), Ct);
            await db.Notifications.Where(n => n.Id == held).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending).SetProperty(n => n.Attempts, 1)
                .SetProperty(n => n.ClaimedBy, "node-gone").SetProperty(n => n.LeaseUntil, SeedDay.UtcDateTime.AddMinutes(5)), Ct);
        }

        var jobs = new JobsOptions { MaxAttempts = 3, SendLease = TimeSpan.FromMinutes(5) };
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        // Act 1: the third attempt fails; the held one's lease has not run out.
        await SenderWith(a, clock, jobs, closedPort).SendDueAsync("node-a", Ct);

        // Assert 1: given up (no next attempt); the held one untouched.
        var afterFailure = await NotificationsAsync(a);
        Assert.Equal((NotificationStatus.Failed, 3, (DateTime?)null), afterFailure.Where(n => n.Id == given).Select(n => (n.Status, n.Attempts, n.NextAttemptAt)).Single());
        Assert.Equal((NotificationStatus.Sending, "node-gone"), afterFailure.Where(n => n.Id == held).Select(n => (n.Status, n.ClaimedBy)).Single());

        // Act 2: the lease runs out, and the server is there.
        using var smtp = SimpleSmtpServer.Start();
        clock.Now = SeedDay.AddMinutes(6);
        await SenderWith(a, clock, jobs, smtp.Configuration.Port).SendDueAsync("node-a", Ct);

        // Assert 2: the held one sent by this instance on its second attempt; the given-up one left alone.
        var final = await NotificationsAsync(a);
        Assert.Equal((NotificationStatus.Sent, 2, (string?)null), final.Where(n => n.Id == held).Select(n => (n.Status, n.Attempts, n.ClaimedBy)).Single());
        Assert.Equal(NotificationStatus.Failed, final.Single(n => n.Id == given).Status);
        Assert.Equal(held.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(smtp.ReceivedEmail).Headers["X-Hospital-Notification"]);
    }

    private static async Task<(int First, int Second)> TwoNotificationsAsync(Instance instance)
    {
        var ids = (await NotificationsAsync(instance)).Select(n => n.Id).ToList();
        Assert.True(ids.Count >= 2);
        return (ids[0], ids[1]);
    }

    private static Dictionary<string, string?> Settings(int smtpPort) => new()
    {
        ["Hospital:DemoPatients"] = "150",
        ["Hospital:Mail:Host"] = "127.0.0.1",
        ["Hospital:Mail:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hospital:Mail:Security"] = "None",

        // The sender's own schedule fires at start, then not again during the test: the test fires it.
        ["Hospital:Jobs:SenderInterval"] = "01:00:00",
    };

    /// <summary>
    /// The second instance's settings. SQLite serves one instance (Quartz refuses to cluster on it): there the second
    /// runs no scheduler of its own, and its runs requested with "run now" go to the first, while its direct enqueues and
    /// sends still race the first's.
    /// </summary>
    private Dictionary<string, string?> SecondSettings(Dictionary<string, string?> settings) =>
        Provider == DatabaseProvider.Sqlite ? new(settings) { ["Hospital:Jobs:Enabled"] = "false" } : settings;

    private static AppointmentReminders Reminders(Instance instance) => instance.Services.GetRequiredService<AppointmentReminders>();

    private static NotificationSender Sender(Instance instance) => instance.Services.GetRequiredService<NotificationSender>();

    private static JobBoard Board(Instance instance) => instance.Services.GetRequiredService<JobBoard>();

    private static NotificationSender SenderWith(Instance instance, TimeProvider clock, JobsOptions jobs, int port) => new(
        instance.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>(),
        Options.Create(new MailOptions { Host = "127.0.0.1", Port = port, Security = MailKit.Security.SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) }),
        Options.Create(jobs),
        clock,
        NullLogger<NotificationSender>.Instance);

    private static async Task TriggerAsync(Instance instance, JobKey job) =>
        await (await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).TriggerJob(job, Ct);

    private static async Task<BackgroundJob> StatusAsync(Instance instance, JobKey job) =>
        (await Board(instance).ListAsync(Ct)).Single(j => j.Name == job.Name);

    /// <summary>Waits until the shared history holds <paramref name="count"/> runs of the job and none is running.</summary>
    private static Task RunsAsync(Instance instance, JobKey job, int count) =>
        Instance.EventuallyAsync(async () => await StatusAsync(instance, job) is { Running: false } status && status.RunCount >= count, $"{count} runs of {job.Name}");

    private static async Task<List<Notification>> NotificationsAsync(Instance instance)
    {
        await using var db = await instance.DbAsync();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Ct);
    }

    /// <summary>The day after the demo data's today with the most reminders to send.</summary>
    private static async Task<DateOnly> BusiestDayAsync(Instance instance)
    {
        var today = DateOnly.FromDateTime(SeedDay.UtcDateTime);
        var counts = new Dictionary<DateOnly, int>();
        for (var day = today.AddDays(1); day <= today.AddDays(42); day = day.AddDays(1))
        {
            counts[day] = (await DueRemindersAsync(instance, day)).Count;
        }

        var busiest = counts.MaxBy(c => c.Value);
        Assert.True(busiest.Value > 1, "The demo data has no bookings of patients with email addresses.");
        return busiest.Key;
    }

    /// <summary>What the reminders of <paramref name="day"/> must be, worked out in memory: scheduled appointments of patients with an email address.</summary>
    private static async Task<Dictionary<int, (string Recipient, DateTime LocalStart)>> DueRemindersAsync(Instance instance, DateOnly day)
    {
        var zone = instance.Services.GetRequiredService<HospitalDataOptions>().TimeZone;
        await using var db = await instance.DbAsync();
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Patient).ToListAsync(Ct);
        return appointments
            .Select(a => (a, Local: TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(a.StartsAt, DateTimeKind.Utc), zone)))
            .Where(x => DateOnly.FromDateTime(x.Local) == day && x.a.Status == AppointmentStatus.Scheduled)
            .Where(x => !string.IsNullOrEmpty(x.a.Patient!.Email) && x.a.Patient.IsActive && !x.a.Patient.IsDeceased)
            .ToDictionary(x => x.a.Id, x => (x.a.Patient!.Email!, x.Local));
    }
}

/// <summary>A clock the test sets.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class SqliteReminderJobTests : ReminderJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString(string name) =>
        $"Data Source={Path.Combine(Path.GetTempPath(), $"hospital-{name}-{Guid.NewGuid():N}.db")}";
}

public sealed class PostgresReminderJobTests(PostgresServer server) : ReminderJobTests, IClassFixture<PostgresServer>
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString(string name)
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        return server.ConnectionString(name);
    }
}

public sealed class MariaDbReminderJobTests(MariaDbServer server) : ReminderJobTests, IClassFixture<MariaDbServer>
{
    protected override DatabaseProvider Provider => DatabaseProvider.MySql;

    protected override string ConnectionString(string name)
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        return server.ConnectionString(name);
    }
}
