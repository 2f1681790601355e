using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

/// <summary>
/// Recognises the database refusing a second notification of one kind for one appointment (the unique index
/// <see cref="UniqueIndex"/>), so an enqueue that lost the race to another instance reads as "already there".
/// </summary>
public static class NotificationConflicts
{
    public const string UniqueIndex = "ux_notifications_kind_appointment";

    // PostgreSQL and MySQL name the index; SQLite names the columns.
    private static readonly string[] Markers =
    [
        UniqueIndex,
        "UNIQUE constraint failed: notifications.kind, notifications.appointment_id",
    ];

    public static bool IsDuplicate(DbUpdateException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (Markers.Any(m => e.Message.Contains(m, StringComparison.Ordinal)) || (e is Npgsql.PostgresException p && p.ConstraintName == UniqueIndex))
            {
                return true;
            }
        }

        return false;
    }
}
