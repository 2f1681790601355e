using Hospital.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hospital.Data.Outbox;

/// <summary>
/// Writes the change events of a save to the outbox in the same transaction (through the <see cref="SaveInterceptor"/>):
/// before the save it notes the entities that raise changes; after it, with the database's ids known, it asks each for
/// its events and adds them as outbox rows; on PostgreSQL it sends <c>NOTIFY</c> in the transaction; after the commit it
/// wakes this process's relay through the <see cref="OutboxSignal"/>.
/// </summary>
public sealed class OutboxParticipant(OutboxSignal signal, TimeProvider clock) : ISaveParticipant
{
    public object? Capture(DbContext context)
    {
        List<(IRaisesChanges Raiser, bool IsNew, PropertyValues? Original)>? raisers = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IRaisesChanges raiser && entry.State is EntityState.Added or EntityState.Modified)
            {
                var isNew = entry.State == EntityState.Added;
                (raisers ??= []).Add((raiser, isNew, isNew ? null : entry.OriginalValues.Clone()));
            }
        }

        return raisers;
    }

    public void AddRows(DbContext context, object captured)
    {
        var raised = new List<(ChangeTopic Topic, int EntityId, string? Scopes)>();
        foreach (var (raiser, isNew, original) in (List<(IRaisesChanges Raiser, bool IsNew, PropertyValues? Original)>)captured)
        {
            raiser.RaiseChanges(new ChangeContext(isNew, original, raised));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        context.Set<OutboxMessage>().AddRange(raised.Select(r => new OutboxMessage { Topic = r.Topic.Name, EntityId = r.EntityId, Scope = r.Scopes, OccurredAt = now }));
    }

    // Delivered to every listening instance when (and only if) the transaction commits.
    public async Task BeforeCommitAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync(OutboxSignal.NotifySql, cancellationToken);
        }
    }

    public void BeforeCommit(DbContext context)
    {
        if (context.Database.IsNpgsql())
        {
            context.Database.ExecuteSqlRaw(OutboxSignal.NotifySql);
        }
    }

    public void Committed() => signal.Notify();
}

/// <summary>
/// Wakes this process's outbox readers as soon as a save here committed outbox rows, so local changes reach live
/// subscribers without waiting for the next poll. On PostgreSQL the save also sends <c>NOTIFY hospital_outbox</c> in
/// its transaction, and every instance's listener wakes its readers the same way; elsewhere other processes' writes
/// are found by polling. The outbox rows stay the truth: a wake-up only says "look now".
/// </summary>
public sealed class OutboxSignal
{
    /// <summary>The PostgreSQL notification channel of outbox writes.</summary>
    public const string Channel = "hospital_outbox";

    /// <summary>The statement a PostgreSQL save runs in its transaction.</summary>
    public const string NotifySql = "NOTIFY " + Channel;

    private TaskCompletionSource next = NewSource();
    private int pending;

    /// <summary>Completes when the next outbox write of this process commits, or when <paramref name="timeout"/> passes.</summary>
    /// <returns>True when woken by a write, false on timeout.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref next).Task;

        // A wake-up that came while the reader was busy (after its last read began) is not lost: it returns at once.
        if (Interlocked.Exchange(ref pending, 0) == 1)
        {
            return true;
        }

        var finished = await Task.WhenAny(task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return finished == task;
    }

    /// <summary>Wakes the readers waiting now.</summary>
    public void Notify()
    {
        Volatile.Write(ref pending, 1);
        Interlocked.Exchange(ref next, NewSource()).TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Turns outbox writing off for bulk work on the current async flow (the seeder's inserts are not news).</summary>
public static class OutboxScope
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    /// <summary>True while a <see cref="Suppress"/> scope is open on this flow.</summary>
    public static bool IsSuppressed => Suppressed.Value;

    /// <summary>Suppresses outbox rows until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public static IDisposable Suppress()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Suppressed.Value = previous;
    }
}
