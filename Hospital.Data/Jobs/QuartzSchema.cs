using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Jobs;

/// <summary>
/// The tables of Quartz.NET's clustered job store (jobs, triggers, locks, scheduler check-ins) and of its execution
/// history. The scripts are the ones Quartz 4.7.3 ships inside its own assembly for <c>SchemaProvisioning.CreateIfMissing</c>
/// (<c>Quartz.Impl.AdoJobStore.Schema.create_*.sql</c>), copied here unchanged: every statement creates only what is
/// missing, so the step is re-runnable, which MySQL needs (its DDL is not transactional). They are run by our schema
/// step rather than by Quartz so the application's account may be the only one that changes the schema, and a database
/// is complete before any instance starts its scheduler. Update them together with the Quartz package.
/// </summary>
public static class QuartzSchema
{
    /// <summary>Quartz's default table prefix, which the job store is configured with.</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The statements for the database's provider, the prefix filled in, in order.</summary>
    public static IReadOnlyList<string> Statements(DbContext db)
    {
        var dialect = db.Database.IsSqlite() ? "sqlite" : db.Database.IsNpgsql() ? "postgres" : db.Database.IsMySql() ? "mysql_innodb"
            : throw new NotSupportedException($"No Quartz schema for {db.Database.ProviderName}.");
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"Hospital.Data.Jobs.quartz_{dialect}.sql")
            ?? throw new InvalidOperationException($"The Quartz schema script for {dialect} is not embedded.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);

        // Quartz's own splitting rule: a line reading exactly "--;;" ends a statement; {0} is the prefix, {1} the prefix
        // without a schema qualifier (the same here).
        return script.Split("\n--;;\n")
            .Select(s => s.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal))
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }
}
