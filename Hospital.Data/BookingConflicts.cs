using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

/// <summary>
/// Recognises the database refusing a booking because the doctor's time is taken: the last word on double-booking is
/// the database's (the exclusion constraint on PostgreSQL, the triggers on SQLite and MySQL, and the unique index of a
/// doctor's slot everywhere), so a save that lost the race must be told apart from other failures.
/// </summary>
public static class BookingConflicts
{
    // What each provider says: the triggers' message, the constraint and index names (PostgreSQL and MySQL name them),
    // and SQLite's wording of a unique index violation (it names the columns, not the index).
    private static readonly string[] Markers =
    [
        "appointment_overlap",
        "ex_appointments_doctor_overlap",
        "ux_appointments_doctor_slot",
        "UNIQUE constraint failed: appointments.doctor_id, appointments.starts_at",
    ];

    public static bool IsSlotTaken(DbUpdateException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (Markers.Any(m => e.Message.Contains(m, StringComparison.Ordinal)) || (e is Npgsql.PostgresException p && Markers.Contains(p.ConstraintName)))
            {
                return true;
            }
        }

        return false;
    }
}
