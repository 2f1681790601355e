namespace Hospital.Data.Entities;

public enum NotificationKind
{
    AppointmentReminder,
}

/// <summary>
/// Where a notification stands. <see cref="Sending"/> is a claim with a lease (<see cref="Notification.LeaseUntil"/>), so
/// an instance that dies mid-send leaves it to another once the lease is over; <see cref="Failed"/> is retried at
/// <see cref="Notification.NextAttemptAt"/>, or never again when that is null (out of attempts).
/// </summary>
public enum NotificationStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// One message to send, written before it is sent (an outbox): the unique (kind, appointment) pair is what makes a
/// reminder happen once, however many instances or reruns try to enqueue it.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public NotificationKind Kind { get; set; }
    public int AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>When the sender may try it (again); null once sent or out of attempts.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The instance holding the claim while <see cref="NotificationStatus.Sending"/>.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
