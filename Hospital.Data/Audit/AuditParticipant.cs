using Hospital.Data.Entities;
using Hospital.Data.Saving;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hospital.Data.Audit;

/// <summary>
/// Writes an audit entry for every change to a patient's record (entity, id, changed properties, never values), for
/// role grants and revocations and for lockouts, in the transaction of the save (through the
/// <see cref="SaveInterceptor"/>): before the save it notes the changes, after it, with the database's ids known, it
/// adds the entries. A failed save rolls back both.
/// </summary>
public sealed class AuditParticipant(TimeProvider clock) : ISaveParticipant
{
    /// <summary>Notes the audited changes of a save (what changed must be read before the save resets it); null when none.</summary>
    public object? Capture(DbContext context)
    {
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

        return changes;
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
    public void AddRows(DbContext context, object captured)
    {
        var actor = AuditScope.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in (List<Change>)captured)
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
    }

    private static string? Key(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join(',', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)))
            : null;

    private sealed record Change(EntityEntry Entry, AuditAction Action, string EntityType, string? Fields, int? AccountId);
}
