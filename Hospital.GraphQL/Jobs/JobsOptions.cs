using MailKit.Security;

namespace Hospital.GraphQL.Jobs;

/// <summary>
/// <c>Hospital:Jobs</c>: whether this instance runs background jobs, its name in the cluster, and how the notification
/// sender retries.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Hospital:Jobs";

    /// <summary>
    /// Whether this instance's scheduler runs jobs. An instance with jobs off still reads the schedule and can ask for a
    /// run ("run now"): the request waits in the shared job store for an instance that runs jobs.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// This scheduler's id in the cluster (unique per instance); unset, <c>Hospital:InstanceId</c>, and without that a
    /// unique one Quartz makes (on SQLite, the machine name).
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>When the day's reminders for the next day are written, in the hospital's time zone (<c>HH:mm</c>).</summary>
    public TimeOnly ReminderTime { get; set; } = new(8, 0);

    /// <summary>How often the sender looks for notifications to send.</summary>
    public TimeSpan SenderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sending attempts before a notification is given up (Failed, no next attempt).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after a first failed attempt; it doubles with every further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim on a notification lasts: an instance that dies mid-send leaves it to another after this.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Notifications one sender run sends at most.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary><c>Hospital:Mail</c>: the SMTP server notifications go through. Without a host nothing is sent (they wait).</summary>
public sealed class MailOptions
{
    public const string Section = "Hospital:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>MailKit's choice: <c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@hospital.invalid";
    public string FromName { get; set; } = "Hospital";

    /// <summary>How long to wait for the server on each step.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
