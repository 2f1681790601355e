using System.Runtime.CompilerServices;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Data.Audit;

/// <summary>
/// Writes an audit entry for every change to a patient's record (entity, id, changed properties, never values), for
/// role grants and revocations and for lockouts, in the transaction of the save: before the save it notes the changes
/// (and begins a transaction when none is open), after it, with the database's ids known, it saves the entries and
/// commits. A failed save rolls back both. Registered before the <see cref="OutboxInterceptor"/>, so that one joins
/// this transaction instead of committing its own first.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
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
        if (Entries(eventData.Context) is not { } save)
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

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Entries(eventData.Context) is not { } save)
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

    /// <summary>Notes the audited changes of a save (what changed must be read before the save resets it); null when none.</summary>
    private PendingSave? Begin(DbContext? context)
    {
        if (context is null || OutboxScope.IsSuppressed || (pending.TryGetValue(context, out var current) && current.Writing))
        {
            return null;
        }

        List<Change>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is IdentityUserRole<int> grant && entry.State != EntityState.Modified)
            {
                var sign = entry.State == EntityState.Added ? "+" : "-";
                (changes ??= []).Add(new Change(entry, AuditAction.RoleChange, "UserRole", $"{sign}role:{grant.RoleId}", grant.UserId));
            }
            else if (entry.Entity is UserAccount account && entry.State == EntityState.Modified && IsNewLockout(entry, account))
            {
                (changes ??= []).Add(new Change(entry, AuditAction.Lockout, nameof(UserAccount), "LockoutEnd", account.Id));
            }
            else if (entry.Entity is not AuditEntry && PatientRecord.IsPatientData(entry.Metadata.ClrType))
            {
                var action = entry.State switch { EntityState.Added => AuditAction.Create, EntityState.Modified => AuditAction.Update, _ => AuditAction.Delete };
                (changes ??= []).Add(new Change(entry, action, entry.Metadata.ClrType.Name, ChangedProperties(entry), null));
            }
        }

        if (changes is null)
        {
            return null;
        }

        var save = new PendingSave(context, changes);
        pending.AddOrUpdate(context, save);
        return save;
    }

    private bool IsNewLockout(EntityEntry entry, UserAccount account)
    {
        var property = entry.Property(nameof(UserAccount.LockoutEnd));
        return property.IsModified && account.LockoutEnd > clock.GetUtcNow()
            && !Equals(property.OriginalValue, property.CurrentValue);
    }

    /// <summary>The names of the properties a save writes: those set on a new entity, those really changed on an existing one.</summary>
    private static string? ChangedProperties(EntityEntry entry)
    {
        if (entry.State == EntityState.Deleted)
        {
            return null;
        }

        var names = entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty()
                && (entry.State == EntityState.Added ? p.CurrentValue is not null : p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => p.Metadata.Name);
        return string.Join(',', names);
    }

    /// <summary>After the save: adds the entries (ids now known) to the context, for the second save of the transaction.</summary>
    private PendingSave? Entries(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save) || save.Writing)
        {
            return null;
        }

        var actor = AuditScope.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in save.Changes)
        {
            var entry = actor.Entry(change.Action, change.EntityType, now);
            entry.Fields = AuditEntryLimits.Cut(change.Fields, AuditEntryLimits.Fields);
            if (change.AccountId is { } accountId)
            {
                entry.EntityKey = accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (change.Action == AuditAction.Lockout && change.Entry.Entity is UserAccount locked && actor.UserId is null)
                {
                    // A lockout happens during an anonymous sign-in attempt: the entry names the account it locked.
                    entry.UserId = locked.Id;
                    entry.UserName = AuditEntryLimits.Cut(locked.UserName ?? "", AuditEntryLimits.UserName)!;
                }
            }
            else
            {
                entry.EntityKey = AuditEntryLimits.Cut(Key(change.Entry), 64);
                entry.PatientId = PatientRecord.PatientIdOf(change.Entry.Entity);
            }

            context.Add(entry);
        }

        save.Writing = true;
        return save;
    }

    private static string? Key(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join(',', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)))
            : null;

    private void End(PendingSave save)
    {
        pending.Remove(save.Context);
        save.Transaction?.Dispose();
    }

    private sealed record Change(EntityEntry Entry, AuditAction Action, string EntityType, string? Fields, int? AccountId);

    private sealed class PendingSave(DbContext context, List<Change> changes)
    {
        public DbContext Context { get; } = context;

        public List<Change> Changes { get; } = changes;

        /// <summary>Set while the entries are saved: that nested save audits nothing.</summary>
        public bool Writing { get; set; }

        /// <summary>The transaction this save opened, committed after the entries; null inside the caller's own.</summary>
        public IDbContextTransaction? Transaction { get; set; }
    }
}
