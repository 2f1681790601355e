namespace Hospital.Data.Outbox;

/// <summary>
/// How far one API instance has handed the outbox to its own subscribers. Every instance delivers every event to its
/// subscribers, so there is no global "published" flag: each keeps its own cursor, advanced only after the rows up to
/// <see cref="LastId"/> were handed over, and a restarted instance publishes the rows after it.
/// </summary>
public sealed class OutboxCursor
{
    /// <summary>The instance's name (<c>Hospital:InstanceId</c>, the machine name by default).</summary>
    public required string InstanceId { get; set; }

    /// <summary>The highest outbox id this instance has handed to its subscribers.</summary>
    public long LastId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
