namespace Hospital.Data.Outbox;

/// <summary>
/// One change other parts of the system may want to hear about (an appointment changed state, a bed changed, a lab
/// result arrived), written in the same transaction as the change itself. Every API instance reads new rows and
/// republishes them to its live subscribers, so an event is neither lost when a process dies after the commit nor
/// seen only by the instance that made it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The event kind: the name of one of the <see cref="ChangeTopics"/>.</summary>
    public required string Topic { get; set; }

    /// <summary>The id of the entity the event is about (its kind follows from the topic).</summary>
    public required int EntityId { get; set; }

    /// <summary>Narrower audiences, space-separated, e.g. <c>doctor:7 patient:12</c>; subscribers may listen on <c>Topic:doctor:7</c>.</summary>
    public string? Scope { get; set; }

    public required DateTime OccurredAt { get; set; }
}
