using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hospital.Data;

/// <summary>
/// What the model needs to hold the same invariants on MySQL and MariaDB as on the other providers.
/// </summary>
internal static class MySqlModel
{
    /// <summary>Annotation on an entity type: the partial unique indexes that <see cref="ProviderSql"/> creates by hand.</summary>
    public const string PartialUniqueIndexes = "Hospital:PartialUniqueIndexes";

    public static void Apply(ModelBuilder builder)
    {
        // Every table and column in utf8mb4 with a binary collation, whatever the server's or the database's defaults
        // are: names in any script survive, and comparisons and ordering are the same as on SQLite and PostgreSQL (C),
        // so keyset cursors and case-sensitive filters mean one thing everywhere (icontains and friends use lower()).
        builder.HasCharSet("utf8mb4", DelegationModes.ApplyToAll);
        builder.UseCollation("utf8mb4_bin", DelegationModes.ApplyToAll);

        // Pomelo ignores HasFilter, so a partial unique index would become a plain one and refuse legal rows (a second,
        // discharged admission of a bed). Take those out of the model; ProviderSql rebuilds each as a unique index over a
        // generated column that is NULL for the rows the filter leaves out (MySQL's unique indexes allow many NULLs).
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var partial = entity.GetDeclaredIndexes().Where(i => i.IsUnique && i.GetFilter() is not null).ToList();
            if (partial.Count == 0)
            {
                continue;
            }

            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var indexes = partial
                .Select(i => new PartialUniqueIndex(entity.GetTableName()!, i.GetDatabaseName()!, i.GetFilter()!, [.. i.Properties.Select(p => p.GetColumnName(table)!)]))
                .ToList();
            foreach (var index in partial)
            {
                entity.RemoveIndex(index);
            }

            entity.SetAnnotation(PartialUniqueIndexes, indexes);
        }
    }

    /// <summary>A unique index that covers only the rows where <see cref="Filter"/> holds.</summary>
    public sealed record PartialUniqueIndex(string Table, string Name, string Filter, IReadOnlyList<string> Columns)
    {
        /// <summary>The generated column that stands for the first key column: NULL on the rows the filter leaves out.</summary>
        public string GeneratedColumn => "active_" + Columns[0];
    }
}
