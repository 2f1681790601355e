using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Data.Outbox;

/// <summary>
/// Writes the change events of a save to the outbox in the same transaction: before the save it notes the entities
/// that raise changes (and begins a transaction when none is open); after it, with the database's ids known, it asks
/// each for its events, saves them as outbox rows, commits, and wakes this process's relay through the
/// <see cref="OutboxSignal"/>. A failed save rolls back both.
/// </summary>
public sealed class OutboxInterceptor(OutboxSignal signal, TimeProvider clock) : SaveChangesInterceptor
{
    // One interceptor serves every pooled context; the state of a save in progress hangs off its context.
    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Begin(eventData.Context) is { } save && eventData.Context!.Database.CurrentTransaction is null)
        {
            save.Transaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Begin(eventData.Context) is { } save && eventData.Context!.Database.CurrentTransaction is null)
        {
            save.Transaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Messages(eventData.Context) is not { } save)
        {
            return result;
        }

        try
        {
            save.Context.SaveChanges();
            save.Transaction?.Commit();
        }
        finally
        {
            End(save);
        }

        signal.Notify();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Messages(eventData.Context) is not { } save)
        {
            return result;
        }

        try
        {
            await save.Context.SaveChangesAsync(cancellationToken);
            if (save.Transaction is not null)
            {
                await save.Transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            End(save);
        }

        signal.Notify();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var save) && !save.Writing)
        {
            End(save);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    // EF Core reports a concurrency failure here instead of SaveChangesFailed. Without ending the save, its notes (and
    // the transaction it opened) would outlive it on the pooled context, and the context's next save would commit them.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        SaveChangesFailed(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>Notes the entities whose changes raise events; null when there are none (or events are suppressed).</summary>
    private PendingSave? Begin(DbContext? context)
    {
        if (context is null || OutboxScope.IsSuppressed || (pending.TryGetValue(context, out var current) && current.Writing))
        {
            return null;
        }

        // A save that ended without a word to this interceptor leaves nothing behind for this one.
        if (current is not null)
        {
            End(current);
        }

        List<(IRaisesChanges, bool, PropertyValues?)>? raisers = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IRaisesChanges raiser && entry.State is EntityState.Added or EntityState.Modified)
            {
                var isNew = entry.State == EntityState.Added;
                (raisers ??= []).Add((raiser, isNew, isNew ? null : entry.OriginalValues.Clone()));
            }
        }

        if (raisers is null)
        {
            return null;
        }

        var save = new PendingSave(context, raisers);
        pending.AddOrUpdate(context, save);
        return save;
    }

    /// <summary>After the entities' save: adds their outbox rows to the context, for the second save of the transaction.</summary>
    private PendingSave? Messages(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save) || save.Writing)
        {
            return null;
        }

        var raised = new List<(ChangeTopic Topic, int EntityId, string? Scopes)>();
        foreach (var (raiser, isNew, original) in save.Raisers)
        {
            raiser.RaiseChanges(new ChangeContext(isNew, original, raised));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        context.Set<OutboxMessage>().AddRange(raised.Select(r => new OutboxMessage { Topic = r.Topic.Name, EntityId = r.EntityId, Scope = r.Scopes, OccurredAt = now }));
        save.Writing = true;
        return save;
    }

    private void End(PendingSave save)
    {
        pending.Remove(save.Context);
        save.Transaction?.Dispose();
    }

    private sealed class PendingSave(DbContext context, List<(IRaisesChanges Raiser, bool IsNew, PropertyValues? Original)> raisers)
    {
        public DbContext Context { get; } = context;

        public List<(IRaisesChanges Raiser, bool IsNew, PropertyValues? Original)> Raisers { get; } = raisers;

        /// <summary>Set while the outbox rows are saved: that nested save raises nothing.</summary>
        public bool Writing { get; set; }

        /// <summary>The transaction this save opened, committed after the outbox rows; null inside the caller's own.</summary>
        public IDbContextTransaction? Transaction { get; set; }
    }
}

/// <summary>
/// Wakes this process's outbox readers as soon as a save here committed outbox rows, so local changes reach live
/// subscribers without waiting for the next poll. Changes made by other processes are found by polling.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>Completes when the next outbox write of this process commits, or when <paramref name="timeout"/> passes.</summary>
    /// <returns>True when woken by a write, false on timeout.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref next).Task;
        var finished = await Task.WhenAny(task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return finished == task;
    }

    internal void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

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
