namespace Hospital.Data.Outbox;

/// <summary>
/// A kind of change others listen for. Writers raise it for one entity within the scopes that narrow its audience
/// (an appointment's doctor and patient); subscribers listen on the whole topic or on one scope of it. The same object
/// names the outbox row's topic, the relay's channels and the subscription's channel, so they cannot drift apart.
/// </summary>
public sealed class ChangeTopic
{
    private readonly HashSet<string> scopes;

    public ChangeTopic(string name, params string[] scopes)
    {
        Name = name;
        this.scopes = new HashSet<string>(scopes, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>The scope kinds this topic can be narrowed by, e.g. <c>doctor</c>.</summary>
    public IReadOnlyCollection<string> Scopes => scopes;

    /// <summary>The channel of every event of this topic.</summary>
    public string Channel() => Name;

    /// <summary>The channel of the events within one scope, e.g. <c>AppointmentChanged:patient:7</c>.</summary>
    public string Channel(string scope, int id) => $"{Name}:{Checked(scope)}:{id}";

    /// <summary>The narrowest channel the given scopes allow: the first scope with an id, else the whole topic.</summary>
    public string Channel(params (string Scope, int? Id)[] narrowing)
    {
        foreach (var (scope, id) in narrowing)
        {
            if (id is { } value)
            {
                return Channel(scope, value);
            }
        }

        return Name;
    }

    /// <summary>A raised event's scopes as the outbox stores them: <c>doctor:7 patient:12</c>.</summary>
    internal string? Format(IReadOnlyList<(string Scope, int Id)> values) =>
        values.Count == 0 ? null : string.Join(' ', values.Select(v => $"{Checked(v.Scope)}:{v.Id}"));

    /// <summary>The channels an outbox row is published on: the topic, then one per stored scope.</summary>
    public static IEnumerable<string> Channels(string topic, string? storedScopes)
    {
        yield return topic;
        if (storedScopes is null)
        {
            yield break;
        }

        foreach (var scope in storedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return topic + ":" + scope;
        }
    }

    public override string ToString() => Name;

    private string Checked(string scope) =>
        scopes.Contains(scope) ? scope : throw new ArgumentException($"The topic {Name} has no scope '{scope}' (it has: {string.Join(", ", scopes)}).", nameof(scope));
}

/// <summary>The change events of the hospital: which entity raises which is declared on the entity (<see cref="IRaisesChanges"/>).</summary>
public static class ChangeTopics
{
    /// <summary>An appointment was booked or changed (status, time); entity = appointment.</summary>
    public static readonly ChangeTopic AppointmentChanged = new("AppointmentChanged", "doctor", "patient");

    /// <summary>A bed changed status or occupant (admission, transfer, discharge); entity = bed.</summary>
    public static readonly ChangeTopic BedChanged = new("BedChanged", "ward");

    /// <summary>A lab order was placed or moved along (collected, resulted, cancelled); entity = lab order.</summary>
    public static readonly ChangeTopic LabOrderChanged = new("LabOrderChanged", "patient");

    /// <summary>A lab result was recorded; entity = lab result.</summary>
    public static readonly ChangeTopic LabResultAdded = new("LabResultAdded");

    /// <summary>A note was written on a lab order; entity = lab note.</summary>
    public static readonly ChangeTopic LabNoteAdded = new("LabNoteAdded");

    /// <summary>A waitlist entry was added, offered a freed slot, booked or removed; entity = waitlist entry.</summary>
    public static readonly ChangeTopic WaitlistChanged = new("WaitlistChanged");
}

/// <summary>What the relay publishes for one outbox row: the event's id (shared by every subscriber) and the entity's.</summary>
public sealed record ChangeMessage(long EventId, int EntityId);
