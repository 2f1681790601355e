using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

/// <summary>
/// Invariants EF Core cannot express portably, written per provider: a doctor's blocking appointments never overlap.
/// </summary>
internal static class ProviderSql
{
    public const string OverlapMessage = "appointment_overlap: the doctor already has an appointment at that time";

    private const string Blocking = "status NOT IN ('Cancelled', 'NoShow')";

    public const string TooLongMessage = "appointment_too_long: an appointment lasts at most 8 hours";

    public static IEnumerable<string> InitialSchemaExtras(DbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            yield return "CREATE EXTENSION IF NOT EXISTS btree_gist;";
            yield return $"""
                ALTER TABLE appointments ADD CONSTRAINT ex_appointments_doctor_overlap
                EXCLUDE USING gist (doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ({Blocking});
                """;
        }
        else if (db.Database.IsMySql())
        {
            foreach (var sql in MySqlPartialUniqueIndexes(db))
            {
                yield return sql;
            }
        }

        foreach (var sql in OverlapGuards(db))
        {
            yield return sql;
        }
    }

    /// <summary>
    /// The no-overlap triggers of SQLite and MySQL, replacing any earlier version (schema step 3 bounded their search), and
    /// the maximum length on every provider.
    /// An appointment lasts at most <see cref="Domain.AppointmentRules.MaximumLength"/> (the triggers hold that too), so
    /// a clash starts less than that before the new one: the search is a short range of the doctor's index, not every
    /// earlier appointment of the doctor.
    /// </summary>
    public static IEnumerable<string> OverlapGuards(DbContext db)
    {
        var hours = (int)Domain.AppointmentRules.MaximumLength.TotalHours;
        if (db.Database.IsNpgsql())
        {
            // The exclusion constraint needs no bound; the length rule is held here so it holds on every provider.
            yield return "ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ck_appointments_max_length;";
            yield return $"ALTER TABLE appointments ADD CONSTRAINT ck_appointments_max_length CHECK (ends_at <= starts_at + interval '{hours} hours');";
        }
        else if (db.Database.IsSqlite())
        {
            var clash = $"""
                SELECT RAISE(ABORT, '{TooLongMessage}') WHERE NEW.ends_at > datetime(NEW.starts_at, '+{hours} hours');
                SELECT RAISE(ABORT, '{OverlapMessage}')
                WHERE EXISTS (
                    SELECT 1 FROM appointments a
                    WHERE a.doctor_id = NEW.doctor_id AND a.{Blocking}
                      AND a.starts_at >= datetime(NEW.starts_at, '-{hours} hours') AND a.starts_at < NEW.ends_at
                      AND NEW.starts_at < a.ends_at AND a.id <> NEW.id);
                """;
            yield return "DROP TRIGGER IF EXISTS tr_appointments_no_overlap_insert;";
            yield return "DROP TRIGGER IF EXISTS tr_appointments_no_overlap_update;";
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
        else if (db.Database.IsMySql())
        {
            // MySQL forbids a locking read of the trigger's own table, and a plain read does not see another transaction's
            // uncommitted booking. So the trigger first locks the doctor's row: bookings of one doctor queue behind each
            // other, and the read after the lock (a fresh snapshot, the transaction's first) sees what the one before
            // committed. The search goes through the unique index on (active_doctor_id, starts_at), whose generated
            // column holds the doctor of every blocking appointment (MySqlModel); that index also refuses an identical slot.
            string Trigger(string name, string @event, string self) => $"""
                CREATE TRIGGER {name} BEFORE {@event} ON appointments FOR EACH ROW
                BEGIN
                    DECLARE clashes INT DEFAULT 0;
                    DECLARE doctor INT;
                    IF NEW.{Blocking} THEN
                        IF NEW.ends_at > NEW.starts_at + INTERVAL {hours} HOUR THEN
                            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{TooLongMessage}';
                        END IF;
                        SELECT id INTO doctor FROM staff WHERE id = NEW.doctor_id FOR UPDATE;
                        SELECT COUNT(*) INTO clashes FROM appointments a
                        WHERE a.active_doctor_id = NEW.doctor_id{self}
                          AND a.starts_at >= NEW.starts_at - INTERVAL {hours} HOUR AND a.starts_at < NEW.ends_at
                          AND NEW.starts_at < a.ends_at;
                        IF clashes > 0 THEN
                            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{OverlapMessage}';
                        END IF;
                    END IF;
                END
                """;
            yield return "DROP TRIGGER IF EXISTS tr_appointments_no_overlap_insert;";
            yield return "DROP TRIGGER IF EXISTS tr_appointments_no_overlap_update;";
            yield return Trigger("tr_appointments_no_overlap_insert", "INSERT", "");
            yield return Trigger("tr_appointments_no_overlap_update", "UPDATE", " AND a.id <> NEW.id");
        }
    }

    /// <summary>
    /// MySQL has no partial indexes: each becomes a stored generated column that holds the first key column where the
    /// filter holds and NULL elsewhere, with a unique index over it and the other key columns (see <see cref="MySqlModel"/>).
    /// </summary>
    public const string AuditAppendOnlyMessage = "audit_entries_append_only: the audit log cannot be changed or deleted";

    /// <summary>
    /// The audit log is append-only in the database itself, whoever connects: UPDATE and DELETE (and on PostgreSQL
    /// TRUNCATE) on <c>audit_entries</c> fail. Re-runnable: each trigger is replaced.
    /// </summary>
    public static IEnumerable<string> AuditAppendOnly(DbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            yield return $"""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION '{AuditAppendOnlyMessage}' USING ERRCODE = 'insufficient_privilege';
                END;
                $$ LANGUAGE plpgsql;
                """;
            yield return "DROP TRIGGER IF EXISTS tr_audit_entries_append_only ON audit_entries;";
            yield return "CREATE TRIGGER tr_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();";
            yield return "DROP TRIGGER IF EXISTS tr_audit_entries_no_truncate ON audit_entries;";
            yield return "CREATE TRIGGER tr_audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();";
        }
        else
        {
            foreach (var operation in new[] { "UPDATE", "DELETE" })
            {
                var name = $"tr_audit_entries_no_{operation.ToLowerInvariant()}";
                yield return $"DROP TRIGGER IF EXISTS {name};";
                yield return db.Database.IsMySql()
                    ? $"CREATE TRIGGER {name} BEFORE {operation} ON audit_entries FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{AuditAppendOnlyMessage}';"
                    : $"CREATE TRIGGER {name} BEFORE {operation} ON audit_entries BEGIN SELECT RAISE(ABORT, '{AuditAppendOnlyMessage}'); END;";
            }
        }
    }

    private static IEnumerable<string> MySqlPartialUniqueIndexes(DbContext db)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.FindAnnotation(MySqlModel.PartialUniqueIndexes)?.Value is not IReadOnlyList<MySqlModel.PartialUniqueIndex> indexes)
            {
                continue;
            }

            foreach (var index in indexes)
            {
                var columns = string.Join(", ", [index.GeneratedColumn, .. index.Columns.Skip(1)]);
                yield return $"""
                    ALTER TABLE {index.Table}
                    ADD COLUMN {index.GeneratedColumn} INT AS (CASE WHEN {index.Filter} THEN {index.Columns[0]} END) STORED,
                    ADD UNIQUE INDEX {index.Name} ({columns});
                    """;
            }
        }
    }
}
