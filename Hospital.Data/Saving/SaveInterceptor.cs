using System.Runtime.CompilerServices;
using Hospital.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Data.Saving;

/// <summary>
/// Owns the transaction of a save for the <see cref="ISaveParticipant"/>s (outbox, audit log): before the save each
/// notes what concerns it (and a transaction begins when none is open); after it, with the database's ids known, each
/// adds its rows, they are saved, and the transaction commits. A failed save rolls back all of it. One interceptor
/// for all of them, so no participant commits a transaction another still writes in.
/// </summary>
public sealed class SaveInterceptor(IEnumerable<ISaveParticipant> participants) : SaveChangesInterceptor
{
    private readonly ISaveParticipant[] participants = participants.ToArray();

    // One interceptor serves every pooled context; the state of a save in progress hangs off its context.
    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Begin(eventData.Context) is { } save && eventData.Context!.Database.CurrentTransaction is null)
        {
            try
            {
                save.Transaction = eventData.Context.Database.BeginTransaction();
            }
            catch
            {
                End(save);
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Begin(eventData.Context) is { } save && eventData.Context!.Database.CurrentTransaction is null)
        {
            try
            {
                save.Transaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
            }
            catch
            {
                End(save);
                throw;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Rows(eventData.Context) is not { } save)
        {
            return result;
        }

        try
        {
            save.Context.SaveChanges();
            foreach (var (participant, _) in save.Captured)
            {
                participant.BeforeCommit(save.Context);
            }

            save.Transaction?.Commit();
        }
        finally
        {
            End(save);
        }

        Committed(save);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Rows(eventData.Context) is not { } save)
        {
            return result;
        }

        try
        {
            await save.Context.SaveChangesAsync(cancellationToken);
            foreach (var (participant, _) in save.Captured)
            {
                await participant.BeforeCommitAsync(save.Context, cancellationToken);
            }

            if (save.Transaction is not null)
            {
                await save.Transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            End(save);
        }

        Committed(save);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends a save that failed with a concurrency conflict, rolling back the transaction it opened. EF Core reports that
    /// failure to interceptors only while the batch's data reader is still open (ThrowingConcurrencyException), and a
    /// transaction disposed under an open reader stays open on a MySQL server, holding its row locks until the pooled
    /// connection is reused; so the context calls this once the exception has left the batch.
    /// </summary>
    /// <param name="context">The context whose save failed.</param>
    public void AbandonFailedSave(DbContext context) => Abandon(context);

    /// <summary>Asks each participant what the save concerns; null when none has anything (or writing is suppressed).</summary>
    private PendingSave? Begin(DbContext? context)
    {
        if (context is null || OutboxScope.IsSuppressed || (pending.TryGetValue(context, out var current) && current.Writing))
        {
            return null;
        }

        if (current is not null)
        {
            // A save that ended without a word to this interceptor (its transaction is gone with it): start afresh.
            End(current);
        }

        List<(ISaveParticipant, object)>? captured = null;
        foreach (var participant in participants)
        {
            if (participant.Capture(context) is { } state)
            {
                (captured ??= []).Add((participant, state));
            }
        }

        if (captured is null)
        {
            return null;
        }

        var save = new PendingSave(context, captured);
        pending.AddOrUpdate(context, save);
        return save;
    }

    /// <summary>After the entities' save: the participants add their rows to the context, for the second save of the transaction.</summary>
    private PendingSave? Rows(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save) || save.Writing)
        {
            return null;
        }

        foreach (var (participant, state) in save.Captured)
        {
            participant.AddRows(context, state);
        }

        save.Writing = true;
        return save;
    }

    private static void Committed(PendingSave save)
    {
        foreach (var (participant, _) in save.Captured)
        {
            participant.Committed();
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var save) && !save.Writing)
        {
            End(save);
        }
    }

    private void End(PendingSave save)
    {
        pending.Remove(save.Context);
        save.Transaction?.Dispose();
    }

    private sealed class PendingSave(DbContext context, List<(ISaveParticipant Participant, object State)> captured)
    {
        public DbContext Context { get; } = context;

        public List<(ISaveParticipant Participant, object State)> Captured { get; } = captured;

        /// <summary>Set while the participants' rows are saved: that nested save captures nothing.</summary>
        public bool Writing { get; set; }

        /// <summary>The transaction this save opened, committed after the rows; null inside the caller's own.</summary>
        public IDbContextTransaction? Transaction { get; set; }
    }
}
