using Hospital.Data;
using Hospital.Data.Entities;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hospital.GraphQL.Jobs;

/// <summary>
/// Sends what the notification outbox holds through the SMTP server of <c>Hospital:Mail</c>. Each notification is
/// claimed with a conditional UPDATE before it is sent (only one instance's UPDATE matches), so instances running the
/// sender at once never send one twice; a failure is recorded with its error and tried again after a growing delay,
/// until <see cref="JobsOptions.MaxAttempts"/>.
/// </summary>
public sealed class NotificationSender(
    IDbContextFactory<HospitalDbContext> factory,
    IOptions<MailOptions> mailOptions,
    IOptions<JobsOptions> jobsOptions,
    TimeProvider clock,
    ILogger<NotificationSender> logger)
{
    public sealed record Outcome(int Sent, int Failed);

    /// <summary>Sends the notifications that are due, as <paramref name="instance"/>; returns how many were sent and failed.</summary>
    public async Task<Outcome> SendDueAsync(string instance, CancellationToken cancellationToken)
    {
        var mail = mailOptions.Value;
        var jobs = jobsOptions.Value;
        if (!mail.IsConfigured)
        {
            logger.LogDebug("Hospital:Mail:Host is not set: notifications wait until it is");
            return new Outcome(0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await Due(db.Notifications, now).OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Select(n => n.Id).Take(jobs.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new Outcome(0, 0);
        }

        using var smtp = new SmtpClient { Timeout = (int)mail.Timeout.TotalMilliseconds };
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var claimed = await Due(db.Notifications.Where(n => n.Id == id), now).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimedBy, instance)
                .SetProperty(n => n.LeaseUntil, now + jobs.SendLease)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
            try
            {
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(mail.Host!, mail.Port, mail.Security, cancellationToken);
                    if (!string.IsNullOrEmpty(mail.UserName))
                    {
                        await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
                    }
                }

                await smtp.SendAsync(Message(notification, mail), cancellationToken);
                await Claimed(db, id, instance).ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, NotificationStatus.Sent)
                    .SetProperty(n => n.SentAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(n => n.NextAttemptAt, (DateTime?)null)
                    .SetProperty(n => n.LastError, (string?)null)
                    .SetProperty(n => n.ClaimedBy, (string?)null)
                    .SetProperty(n => n.LeaseUntil, (DateTime?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                var attempts = notification.Attempts;
                DateTime? next = attempts >= jobs.MaxAttempts ? null : now + jobs.RetryDelay * Math.Pow(2, attempts - 1);
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning(e, "Notification {Id} to {Recipient}: attempt {Attempt} failed{Retry}", id, notification.Recipient, attempts,
                    next is null ? ", giving up" : $", next at {next:u}");
                await Claimed(db, id, instance).ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, NotificationStatus.Failed)
                    .SetProperty(n => n.NextAttemptAt, next)
                    .SetProperty(n => n.LastError, error)
                    .SetProperty(n => n.ClaimedBy, (string?)null)
                    .SetProperty(n => n.LeaseUntil, (DateTime?)null), CancellationToken.None);
                if (!smtp.IsConnected)
                {
                    // The server is not there: the rest stays due for the next run instead of failing one by one now.
                    break;
                }
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return new Outcome(sent, failed);
    }

    /// <summary>
    /// What may be sent now: never tried or failed with a next attempt that has come, or claimed by an instance whose
    /// lease ran out (it died mid-send; the mail may have left, which is the one way a reminder can go twice).
    /// </summary>
    private static IQueryable<Notification> Due(IQueryable<Notification> notifications, DateTime now) =>
        notifications.Where(n =>
            ((n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Failed) && n.NextAttemptAt != null && n.NextAttemptAt <= now)
            || (n.Status == NotificationStatus.Sending && n.LeaseUntil < now));

    private static IQueryable<Notification> Claimed(HospitalDbContext db, int id, string instance) =>
        db.Notifications.Where(n => n.Id == id && n.Status == NotificationStatus.Sending && n.ClaimedBy == instance);

    private static MimeMessage Message(Notification notification, MailOptions mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Subject = notification.Subject;
        message.Headers.Add("X-Hospital-Notification", notification.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Body = new TextPart("plain") { Text = notification.Body };
        return message;
    }
}
