using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Saving;

/// <summary>
/// Writes rows of its own in the transaction of a save (the outbox's events, the audit log's entries), through the
/// <see cref="SaveInterceptor"/>: it notes what the save changes before it runs, adds its rows once the database's ids
/// are known, and commits or rolls back with the change.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>Notes what the save is about to change (read before the save resets it); null when nothing concerns it.</summary>
    /// <param name="context">The context about to save.</param>
    /// <returns>What to remember until <see cref="AddRows"/>, or null.</returns>
    object? Capture(DbContext context);

    /// <summary>After the save, with ids known: adds this participant's rows to the context for the transaction's second save.</summary>
    /// <param name="context">The context that saved.</param>
    /// <param name="captured">What <see cref="Capture"/> returned.</param>
    void AddRows(DbContext context, object captured);

    /// <summary>Runs in the transaction after the rows are saved, before the commit.</summary>
    /// <param name="context">The context that saved.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The work.</returns>
    Task BeforeCommitAsync(DbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The synchronous form of <see cref="BeforeCommitAsync"/>.</summary>
    /// <param name="context">The context that saved.</param>
    void BeforeCommit(DbContext context)
    {
    }

    /// <summary>After the commit (or after the caller's own transaction took the rows).</summary>
    void Committed()
    {
    }
}
