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
        new(5, "Audit log: who, from where, through what; append-only", async (db, ct) =>
        {
            await AddModelColumnsAsync(db, "audit_entries", ["role", "staff_member_id", "user_agent", "transport", "operation_name"], ct);
            await CreateModelIndexesAsync(db, "audit_entries", ["ix_audit_entries_action_occurred_at"], ct);
            await ExecuteAllAsync(ProviderSql.AuditAppendOnly)(db, ct);
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
    /// Adds columns a later version added to a table of the model, typed as the model says, each only when missing (a
    /// database created by this build's step 1 has them already).
    /// </summary>
    private static async Task AddModelColumnsAsync(HospitalDbContext db, string table, IReadOnlyCollection<string> columns, CancellationToken cancellationToken)
    {
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var definition = model.Tables.Single(t => t.Name == table);
        var operations = new List<MigrationOperation>();
        foreach (var name in columns)
        {
            if (await ColumnExistsAsync(db, table, name, cancellationToken))
            {
                continue;
            }

            var column = definition.Columns.Single(c => c.Name == name);
            operations.Add(new AddColumnOperation
            {
                Table = table,
                Name = name,
                ClrType = column.ProviderClrType,
                ColumnType = column.StoreType,
                IsNullable = column.IsNullable,
                MaxLength = column.MaxLength,
            });
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    /// <summary>Creates indexes of the model on an existing table, by name, each only when missing.</summary>
    private static async Task CreateModelIndexesAsync(HospitalDbContext db, string table, IReadOnlyCollection<string> indexes, CancellationToken cancellationToken)
    {
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        var operations = new List<MigrationOperation>();
        foreach (var create in db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model).OfType<CreateIndexOperation>())
        {
            if (create.Table == table && indexes.Contains(create.Name) && !await IndexExistsAsync(db, table, create.Name, cancellationToken))
            {
                operations.Add(create);
            }
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }

    private static Task<bool> ColumnExistsAsync(HospitalDbContext db, string table, string column, CancellationToken cancellationToken) =>
        ExistsAsync(db, db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @name"
            : db.Database.IsMySql()
                ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = @table AND column_name = @name"
                : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @name", table, column, cancellationToken);

    private static Task<bool> IndexExistsAsync(HospitalDbContext db, string table, string index, CancellationToken cancellationToken) =>
        ExistsAsync(db, db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND name = @name"
            : db.Database.IsMySql()
                ? "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = @table AND index_name = @name"
                : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND indexname = @name", table, index, cancellationToken);

    private static Task<bool> TableExistsAsync(HospitalDbContext db, string table, CancellationToken cancellationToken) =>
        ExistsAsync(db, db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
            : db.Database.IsMySql()
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @name"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name", table, table, cancellationToken);

    /// <summary>Runs a <c>COUNT(*)</c> with the parameters <c>@table</c> and <c>@name</c>; true when it is above zero.</summary>
    private static async Task<bool> ExistsAsync(HospitalDbContext db, string sql, string table, string name, CancellationToken cancellationToken)
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
            foreach (var (key, value) in new[] { ("@table", table), ("@name", name) })
            {
                if (sql.Contains(key, StringComparison.Ordinal))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = key;
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }
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
