using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hospital.Data.Outbox;

/// <summary>
/// An entity whose saved changes others hear about. After a save that added or modified it, it says which
/// <see cref="ChangeTopic"/>s to raise; the <see cref="OutboxParticipant"/> writes them to the outbox in the same
/// transaction.
/// </summary>
public interface IRaisesChanges
{
    void RaiseChanges(ChangeContext changes);
}

/// <summary>One saved entity's change, as its <see cref="IRaisesChanges.RaiseChanges"/> sees it: ids are the database's.</summary>
public sealed class ChangeContext
{
    private readonly PropertyValues? original;
    private readonly List<(ChangeTopic Topic, int EntityId, string? Scopes)> raised;

    internal ChangeContext(bool isNew, PropertyValues? original, List<(ChangeTopic, int, string?)> raised)
    {
        IsNew = isNew;
        this.original = original;
        this.raised = raised;
    }

    /// <summary>True when the save inserted the entity.</summary>
    public bool IsNew { get; }

    /// <summary>A property's value before the save; default for a new entity.</summary>
    public T? Original<T>(string property) => original is null ? default : original.GetValue<T>(property);

    /// <summary>Raises <paramref name="topic"/> for the entity <paramref name="entityId"/>, within the given scopes.</summary>
    public void Raise(ChangeTopic topic, int entityId, params (string Scope, int Id)[] scopes) => raised.Add((topic, entityId, topic.Format(scopes)));
}
