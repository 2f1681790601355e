using System.Data.Common;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Data;

/// <summary>The state of a database relative to this build's schema.</summary>
public enum SchemaStatus
{
    /// <summary>No database, or a database without tables.</summary>
    Empty,
    UpToDate,
    Outdated,
    /// <summary>Written by a newer build: this build must not touch it.</summary>
    Newer,
    /// <summary>Has tables but no <c>schema_versions</c>: not a Hospital database.</summary>
    Foreign,
}

public sealed class SchemaException(string message) : Exception(message);

/// <summary>
/// Creates the schema on an empty database and upgrades an existing one in place, one recorded step at a time.
/// There is no EF design-time tooling here, so this is the migration mechanism: each step has a version number,
/// runs in a transaction and is recorded in <c>schema_versions</c>.
/// </summary>
public sealed class SchemaManager(IDbContextFactory<HospitalDbContext> factory)
{
    private static readonly IReadOnlyList<SchemaStep> Steps =
    [
        new(1, "Initial schema", CreateInitialSchemaAsync),
        new(2, "Outbox for live updates", (db, ct) => CreateModelTablesAsync(db, ["outbox_messages"], ct)),
        new(3, "Overlap triggers search a bounded range", ExecuteAllAsync(ProviderSql.OverlapGuards)),
        new(4, "Sign-in sessions (refresh tokens) and the roles", async (db, ct) =>
        {
            await CreateModelTablesAsync(db, ["refresh_tokens"], ct);
            await EnsureRolesAsync(db, ct);
        }),
        new(5, "Billing: the visit an invoice bills, void reasons, refunds", async (db, ct) =>
        {
            await AddModelColumnsAsync(db, "invoices", ["appointment_id", "void_reason"], ct);
            await CreateModelTablesAsync(db, ["refunds"], ct);
        }),
        new(6, "Per-instance outbox cursors and the shared data protection key ring", (db, ct) => CreateModelTablesAsync(db, ["outbox_cursors", "data_protection_keys"], ct)),
        new(7, "Patients: active and deceased flags, normalised search columns with their indexes", AddPatientSearchAsync),
        new(8, "Audit log: who, from where, through what; append-only", async (db, ct) =>
        {
            await AddModelColumnsAsync(db, "audit_entries", ["role", "staff_member_id", "user_agent", "transport", "operation_name"], ct);
            await CreateModelIndexesAsync(db, "audit_entries", ["ix_audit_entries_action_occurred_at"], ct);
            await ExecuteAllAsync(ProviderSql.AuditAppendOnly)(db, ct);
        }),
        new(9, "Waitlist: patients waiting for an earlier slot, and the freed slots offered to them", (db, ct) => CreateModelTablesAsync(db, ["waitlist_entries"], ct)),
        new(10, "Bed transfers: the history of a stay's beds", (db, ct) => CreateModelTablesAsync(db, ["bed_transfers"], ct)),
        new(11, "Background jobs: Quartz's clustered job store and run history, and the notification outbox", async (db, ct) =>
        {
            await CreateModelTablesAsync(db, ["notifications"], ct);
            await ExecuteAllAsync(Jobs.QuartzSchema.Statements)(db, ct);
        }),
    ];

    public static int CurrentVersion => Steps[^1].Version;

    public async Task<(SchemaStatus Status, int Version)> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken) || !await creator.HasTablesAsync(cancellationToken))
        {
            return (SchemaStatus.Empty, 0);
        }

        if (!await TableExistsAsync(db, "schema_versions", cancellationToken))
        {
            return (SchemaStatus.Foreign, 0);
        }

        var version = await db.SchemaVersions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var status = version == CurrentVersion ? SchemaStatus.UpToDate : version < CurrentVersion ? SchemaStatus.Outdated : SchemaStatus.Newer;
        return (status, version);
    }

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; returns the versions applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        var (status, version) = await GetStatusAsync(cancellationToken);
        switch (status)
        {
            case SchemaStatus.Foreign:
                throw new SchemaException("The database has tables but no schema_versions table: it is not a Hospital database. Point ConnectionStrings:Hospital at an empty database.");
            case SchemaStatus.Newer:
                throw new SchemaException($"The database is at schema version {version}, newer than this build's {CurrentVersion}. Upgrade the application.");
            case SchemaStatus.UpToDate:
                return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (status == SchemaStatus.Empty)
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer; persists in the file, and cannot run inside a transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        var applied = new List<int>();
        foreach (var step in Steps.Where(s => s.Version > version))
        {
            // MySQL commits every DDL statement by itself, so a step cannot be atomic there (and a transaction around it
            // only leaves EF a savepoint that is gone); the steps are written to be re-runnable instead.
            await using var transaction = db.Database.IsMySql() ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            await step.ApplyAsync(db, cancellationToken);
            db.SchemaVersions.Add(new SchemaVersion { Version = step.Version, Description = step.Description, AppliedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            applied.Add(step.Version);
        }

        return applied;
    }

    /// <summary>Drops every table of the model (for the seeder's --reset and for tests).</summary>
    public async Task DropAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", cancellationToken);
            return;
        }

        if (db.Database.IsMySql())
        {
            // Drop the tables, not the database: an operator's account often may not create databases.
            if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            {
                var tables = await db.Database
                    .SqlQueryRaw<string>("SELECT table_name AS Value FROM information_schema.tables WHERE table_schema = DATABASE()")
                    .ToListAsync(cancellationToken);
                if (tables.Count > 0)
                {
                    await db.Database.OpenConnectionAsync(cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("SET FOREIGN_KEY_CHECKS = 0", cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("DROP TABLE " + string.Join(", ", tables.Select(t => $"`{t}`")), cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("SET FOREIGN_KEY_CHECKS = 1", cancellationToken);
                }
            }

            return;
        }

        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }
    }

    /// <summary>Adds the roles of <see cref="Entities.Roles.All"/> the database does not have yet (saved by the caller).</summary>
    /// <param name="db">The context to add them to.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task.</returns>
    public static async Task EnsureRolesAsync(HospitalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        db.Roles.AddRange(Entities.Roles.All.Except(existing.OfType<string>()).Select(r =>
            new Microsoft.AspNetCore.Identity.IdentityRole<int>(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r }));
    }

    private static Func<HospitalDbContext, CancellationToken, Task> ExecuteAllAsync(Func<DbContext, IEnumerable<string>> statements) =>
        async (db, cancellationToken) =>
        {
            foreach (var sql in statements(db))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        };

    private static async Task CreateInitialSchemaAsync(HospitalDbContext db, CancellationToken cancellationToken)
    {
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
        foreach (var sql in ProviderSql.InitialSchemaExtras(db))
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    /// <summary>
    /// Creates tables (with their keys and indexes) that a later version added to the model, from the model itself, so
    /// an upgraded database ends up as a new one would. A table that exists already (a database created by this build's
    /// step 1) is left alone.
    /// </summary>
    private static async Task CreateModelTablesAsync(HospitalDbContext db, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model)
            .Where(o => o switch
            {
                CreateTableOperation create => tables.Contains(create.Name),
                CreateIndexOperation index => tables.Contains(index.Table),
                _ => false,
            })
            .ToList();
        var missing = new List<MigrationOperation>();
        foreach (var table in tables)
        {
            if (!await TableExistsAsync(db, table, cancellationToken))
            {
                missing.AddRange(operations.Where(o => o is CreateTableOperation c ? c.Name == table : ((CreateIndexOperation)o).Table == table));
            }
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(missing, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    /// <summary>
    /// Adds columns that a later version added to an existing table, with their indexes (and, except on SQLite, which
    /// cannot add a foreign key to a table, their foreign keys), from the model itself. Columns that exist are left alone.
    /// </summary>
    private static async Task AddModelColumnsAsync(HospitalDbContext db, string table, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var column in columns)
        {
            if (!await ExistsAsync(db, ColumnExistsSql(db), cancellationToken, ("@table", table), ("@name", column)))
            {
                missing.Add(column);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model);
        var create = differences.OfType<CreateTableOperation>().Single(c => c.Name == table);
        var operations = new List<MigrationOperation>();
        foreach (var column in create.Columns.Where(c => missing.Contains(c.Name)))
        {
            column.Table = table;
            column.Schema = create.Schema;
            operations.Add(column);
        }

        if (!db.Database.IsSqlite())
        {
            operations.AddRange(create.ForeignKeys.Where(fk => fk.Columns.All(missing.Contains)));
        }

        operations.AddRange(differences.OfType<CreateIndexOperation>().Where(i => i.Table == table && i.Columns.Any(missing.Contains)));
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    /// <summary>
    /// Schema step 7: the columns and indexes of the model's patients table that a database of an earlier version lacks,
    /// generated from the model as a new database would have them, then the search columns filled from each row
    /// (in C#, as <see cref="SearchText"/> normalises: SQL has no portable accent folding). Re-runnable: what exists is kept.
    /// </summary>
    private static async Task AddPatientSearchAsync(HospitalDbContext db, CancellationToken cancellationToken)
    {
        string[] columns = ["is_active", "is_deceased", "date_of_death", "search_name", "search_name_reversed", "search_phone"];
        // Rows that exist get these; new rows always get values from the entity.
        var defaults = new Dictionary<string, object> { ["is_active"] = true, ["is_deceased"] = false, ["search_name"] = "", ["search_name_reversed"] = "" };
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var created = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model);
        var table = created.OfType<CreateTableOperation>().Single(t => t.Name == "patients");
        var operations = new List<MigrationOperation>();
        foreach (var column in table.Columns.Where(c => columns.Contains(c.Name)))
        {
            if (!await ExistsAsync(db, ColumnExistsSql(db), cancellationToken, ("@table", "patients"), ("@name", column.Name)))
            {
                column.Table = "patients";
                column.Schema = table.Schema;
                if (!column.IsNullable && defaults.TryGetValue(column.Name, out var value))
                {
                    column.DefaultValue = value;
                }

                operations.Add(column);
            }
        }

        foreach (var index in created.OfType<CreateIndexOperation>().Where(i => i.Table == "patients" && i.Columns.Any(c => columns.Contains(c) || c == "email")))
        {
            if (!await ExistsAsync(db, IndexExistsSql(db), cancellationToken, ("@table", "patients"), ("@name", index.Name)))
            {
                operations.Add(index);
            }
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }

        var rows = await db.Patients.AsNoTracking().Where(p => p.SearchName == "")
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Phone }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var name = SearchText.Normalize(row.LastName + " " + row.FirstName);
            var reversed = SearchText.Normalize(row.FirstName + " " + row.LastName);
            var phone = SearchText.Digits(row.Phone);
            await db.Database.ExecuteSqlAsync($"UPDATE patients SET search_name = {name}, search_name_reversed = {reversed}, search_phone = {phone} WHERE id = {row.Id}", cancellationToken);
        }
    }

    /// <summary>Creates indexes of the model on an existing table, by name, each only when missing.</summary>
    private static async Task CreateModelIndexesAsync(HospitalDbContext db, string table, IReadOnlyCollection<string> indexes, CancellationToken cancellationToken)
    {
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var operations = new List<MigrationOperation>();
        foreach (var create in db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model).OfType<CreateIndexOperation>())
        {
            if (create.Table == table && indexes.Contains(create.Name) && !await ExistsAsync(db, IndexExistsSql(db), cancellationToken, ("@table", table), ("@name", create.Name)))
            {
                operations.Add(create);
            }
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    private static string ColumnExistsSql(HospitalDbContext db) =>
        db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @name"
            : db.Database.IsMySql()
                ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = @table AND column_name = @name"
                : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @name";

    private static string IndexExistsSql(HospitalDbContext db) =>
        db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND name = @name"
            : db.Database.IsMySql()
                ? "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = @table AND index_name = @name"
                : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND indexname = @name";

    private static Task<bool> TableExistsAsync(HospitalDbContext db, string table, CancellationToken cancellationToken) =>
        ExistsAsync(
            db,
            db.Database.IsSqlite()
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
                : db.Database.IsMySql()
                    ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @name"
                    : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name",
            cancellationToken,
            ("@name", table));

    private static async Task<bool> ExistsAsync(HospitalDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private sealed record SchemaStep(int Version, string Description, Func<HospitalDbContext, CancellationToken, Task> ApplyAsync);
}
