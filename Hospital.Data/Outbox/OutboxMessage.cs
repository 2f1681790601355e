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

    /// <summary>The event kind, one of <see cref="OutboxTopics"/>.</summary>
    public required string Topic { get; set; }

    /// <summary>The id of the entity the event is about (its kind follows from the topic).</summary>
    public required int EntityId { get; set; }

    /// <summary>A narrower audience, e.g. <c>doctor:7</c>; subscribers may listen on <c>Topic:Scope</c>.</summary>
    public string? Scope { get; set; }

    public required DateTime OccurredAt { get; set; }
}

/// <summary>The event kinds the outbox carries.</summary>
public static class OutboxTopics
{
    /// <summary>An appointment was booked or changed (status, time); entity = appointment, scope = <c>doctor:{id}</c>.</summary>
    public const string AppointmentChanged = "AppointmentChanged";

    /// <summary>A bed changed status or occupant (admission or discharge); entity = bed, scope = <c>ward:{id}</c> when known.</summary>
    public const string BedChanged = "BedChanged";

    /// <summary>A lab order was placed or moved along (collected, resulted, cancelled); entity = lab order, scope = <c>patient:{id}</c>.</summary>
    public const string LabOrderChanged = "LabOrderChanged";

    /// <summary>A lab result was recorded; entity = lab result.</summary>
    public const string LabResultAdded = "LabResultAdded";

    /// <summary>A note was written on a lab order; entity = lab note.</summary>
    public const string LabNoteAdded = "LabNoteAdded";
}
