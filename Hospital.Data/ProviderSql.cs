using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

/// <summary>
/// Invariants EF Core cannot express portably, written per provider: a doctor's blocking appointments never overlap.
/// </summary>
internal static class ProviderSql
{
    public const string OverlapMessage = "appointment_overlap: the doctor already has an appointment at that time";

    private const string Blocking = "status NOT IN ('Cancelled', 'NoShow')";

    public static IEnumerable<string> InitialSchemaExtras(DbContext db)
    {
        if (db.Database.IsSqlite())
        {
            var clash = $"""
                SELECT RAISE(ABORT, '{OverlapMessage}')
                WHERE EXISTS (
                    SELECT 1 FROM appointments a
                    WHERE a.doctor_id = NEW.doctor_id AND a.id <> NEW.id AND a.{Blocking}
                      AND a.starts_at < NEW.ends_at AND NEW.starts_at < a.ends_at);
                """;
            yield return $"""
                CREATE TRIGGER tr_appointments_no_overlap_insert BEFORE INSERT ON appointments
                WHEN NEW.{Blocking}
                BEGIN {clash} END;
                """;
            yield return $"""
                CREATE TRIGGER tr_appointments_no_overlap_update BEFORE UPDATE OF doctor_id, starts_at, ends_at, status ON appointments
                WHEN NEW.{Blocking}
                BEGIN {clash} END;
                """;
        }
        else if (db.Database.IsNpgsql())
        {
            yield return "CREATE EXTENSION IF NOT EXISTS btree_gist;";
            yield return $"""
                ALTER TABLE appointments ADD CONSTRAINT ex_appointments_doctor_overlap
                EXCLUDE USING gist (doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ({Blocking});
                """;
        }
    }
}
