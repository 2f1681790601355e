using System.Data.Common;
using System.Linq.Expressions;
using Hospital.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hospital.Data.Bulk;

/// <summary>
/// Writes graphs of new entities at the speed of the database, for loads such as seeding: the roots and every new
/// entity reachable from them (navigations to entities that already have an id are references, not new rows).
/// Each entity passes <see cref="EntityValidator"/> exactly as in <see cref="HospitalDbContext.SaveChangesAsync(bool, CancellationToken)"/>;
/// ids are assigned here, in the order the graph is walked, so the same graph gives the same ids on every provider;
/// foreign keys are set from the navigations. Rows are written through the model's own column names and type
/// mappings (value converters included) with each provider's fastest path: a prepared statement on SQLite, binary
/// <c>COPY</c> on PostgreSQL, multi-row <c>INSERT</c>s on MySQL. Database constraints and triggers apply as usual.
/// No outbox rows are written: a bulk load is not news. One instance serves one load (it remembers the next ids).
/// </summary>
public sealed class BulkInserter
{
    private const int MySqlRowsPerStatement = 500;

    private readonly Dictionary<IEntityType, TableWriter> writers = [];
    private readonly Dictionary<string, int> nextIds = [];

    /// <summary>Inserts <paramref name="roots"/> and the new entities they reach, inside the context's current transaction.</summary>
    public async Task InsertAsync(HospitalDbContext db, IEnumerable<object> roots, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        var graph = Collect(db.Model, roots);

        List<string>? errors = null;
        foreach (var entity in graph.SelectMany(g => g.Value))
        {
            (entity as Entities.IHasSearchKeys)?.UpdateSearchKeys();
            var found = EntityValidator.Validate(entity, utcNow);
            if (found.Count > 0)
            {
                (errors ??= []).AddRange(found);
            }
        }

        if (errors is not null)
        {
            throw new DomainValidationException(errors);
        }

        foreach (var (type, entities) in graph)
        {
            await AssignIdsAsync(db, Writer(db, type), entities, cancellationToken);
        }

        foreach (var (type, entities) in graph)
        {
            Writer(db, type).SetForeignKeys(entities);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var type in DependencyOrder(graph.Keys))
            {
                await Writer(db, type).WriteAsync(db, graph[type], cancellationToken);
            }

            if (db.Database.IsNpgsql())
            {
                // Explicit ids leave the identity sequences behind: move each past the highest id.
                foreach (var table in graph.Keys.Select(t => Writer(db, t).Table).Distinct())
                {
                    await ExecuteAsync(db, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT MAX(id) FROM \"{table}\"))", cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private TableWriter Writer(HospitalDbContext db, IEntityType type)
    {
        if (!writers.TryGetValue(type, out var writer))
        {
            writer = new TableWriter(type, db);
            writers[type] = writer;
        }

        return writer;
    }

    private async Task AssignIdsAsync(HospitalDbContext db, TableWriter writer, List<object> entities, CancellationToken cancellationToken)
    {
        if (!nextIds.TryGetValue(writer.Table, out var next))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {writer.Table}";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                next = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) + 1;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        foreach (var entity in entities)
        {
            writer.SetId(entity, next++);
        }

        nextIds[writer.Table] = next;
    }

    /// <summary>The new entities reachable from the roots, by entity type, in the order they were first reached.</summary>
    private static Dictionary<IEntityType, List<object>> Collect(IModel model, IEnumerable<object> roots)
    {
        var graph = new Dictionary<IEntityType, List<object>>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<object>();
        foreach (var root in roots)
        {
            if (seen.Add(root))
            {
                queue.Enqueue(root);
            }
        }

        while (queue.TryDequeue(out var entity))
        {
            var type = model.FindEntityType(entity.GetType())
                ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity of the model.");
            if (!graph.TryGetValue(type, out var list))
            {
                graph[type] = list = [];
            }

            list.Add(entity);
            foreach (var navigation in type.GetNavigations())
            {
                if (navigation.TargetEntityType.IsOwned())
                {
                    continue;
                }

                var value = navigation.PropertyInfo?.GetValue(entity);
                IEnumerable<object> targets = value switch
                {
                    null => [],
                    System.Collections.IEnumerable many when navigation.IsCollection => many.Cast<object>(),
                    _ => [value],
                };
                foreach (var target in targets)
                {
                    var key = navigation.TargetEntityType.FindPrimaryKey()!.Properties[0].PropertyInfo!.GetValue(target);
                    if (key is 0 && seen.Add(target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>Principals before dependents, so every foreign key finds its row.</summary>
    private static List<IEntityType> DependencyOrder(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending
                .Where(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The entity types form a cycle of foreign keys: " + string.Join(", ", pending.Select(t => t.ShortName())));
            }

            ordered.AddRange(ready);
            pending.ExceptWith(ready);
        }

        return ordered;
    }

    private static async Task ExecuteAsync(HospitalDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One table's columns, how to read each from an entity, and how to write rows of it.</summary>
    private sealed class TableWriter
    {
        private readonly Column[] columns;
        private readonly Action<object, int> setId;
        private readonly List<(Func<object, object?> Principal, Func<object, object?> Key, Action<object, int?> SetForeignKey)> references = [];
        private readonly List<(Func<object, object?> Dependents, bool Collection, Action<object, int?> SetForeignKey)> dependents = [];
        private readonly Func<object, int> getId;
        private readonly string insertPrefix;

        public TableWriter(IEntityType type, HospitalDbContext db)
        {
            if (type.BaseType is not null || type.GetDerivedTypes().Any())
            {
                throw new NotSupportedException($"{type.ShortName()} is part of an inheritance hierarchy; bulk inserts take plain entity types.");
            }

            Table = type.GetTableName()!;
            var table = StoreObjectIdentifier.Table(Table, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties.Single();
            getId = Getter<int>(key);
            setId = Setter<int>(key);

            var list = new List<Column>();
            foreach (var property in type.GetProperties())
            {
                list.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetTypeMapping(), Getter<object?>(property)));
            }

            // Owned types share the owner's row (table splitting): their columns read through the owner's navigation.
            foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
            {
                var owned = navigation.TargetEntityType;
                var ownedTable = StoreObjectIdentifier.Table(owned.GetTableName()!, owned.GetSchema());
                if (owned.GetTableName() != Table)
                {
                    throw new NotSupportedException($"{owned.ShortName()} is owned in a table of its own; bulk inserts take owned types in the owner's row.");
                }

                var read = Getter<object?>(navigation);
                foreach (var property in owned.GetProperties().Where(p => !p.IsPrimaryKey()))
                {
                    var inner = Getter<object?>(property);
                    list.Add(new Column(property.GetColumnName(ownedTable)!, (RelationalTypeMapping)property.GetTypeMapping(), e => read(e) is { } o ? inner(o) : null));
                }
            }

            columns = [.. list];
            var sql = db.GetService<ISqlGenerationHelper>();
            insertPrefix = $"INSERT INTO {sql.DelimitIdentifier(Table)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";

            foreach (var foreignKey in type.GetForeignKeys())
            {
                var property = foreignKey.Properties.Single();
                var set = Setter<int?>(property);
                if (foreignKey.DependentToPrincipal is { } toPrincipal)
                {
                    references.Add((Getter<object?>(toPrincipal), Getter<object?>(foreignKey.PrincipalKey.Properties.Single()), set));
                }
            }

            foreach (var foreignKey in type.GetReferencingForeignKeys().Where(fk => !fk.DeclaringEntityType.IsOwned()))
            {
                if (foreignKey.PrincipalToDependent is { } toDependent)
                {
                    dependents.Add((Getter<object?>(toDependent), toDependent.IsCollection, Setter<int?>(foreignKey.Properties.Single())));
                }
            }
        }

        public string Table { get; }

        public void SetId(object entity, int id)
        {
            if (getId(entity) == 0)
            {
                setId(entity, id);
            }
        }

        public void SetForeignKeys(List<object> entities)
        {
            foreach (var entity in entities)
            {
                foreach (var (principal, key, set) in references)
                {
                    if (principal(entity) is { } target)
                    {
                        set(entity, (int?)key(target));
                    }
                }

                if (dependents.Count == 0)
                {
                    continue;
                }

                var id = getId(entity);
                foreach (var (read, collection, set) in dependents)
                {
                    switch (read(entity))
                    {
                        case System.Collections.IEnumerable many when collection:
                            foreach (var child in many)
                            {
                                set(child, id);
                            }

                            break;
                        case { } child:
                            set(child, id);
                            break;
                    }
                }
            }
        }

        public Task WriteAsync(HospitalDbContext db, List<object> rows, CancellationToken cancellationToken) =>
            db.Database.IsNpgsql() ? CopyAsync(db, rows, cancellationToken)
            : db.Database.IsSqlite() ? Task.Run(() => InsertOneByOne(db, rows), cancellationToken)
            : InsertManyAsync(db, rows, cancellationToken);

        /// <summary>SQLite runs in process: one prepared statement, executed per row, is its fastest path.</summary>
        private void InsertOneByOne(HospitalDbContext db, List<object> rows)
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = insertPrefix + "(" + string.Join(", ", columns.Select((_, i) => "@p" + i)) + ")";
            var parameters = columns.Select((c, i) => AddParameter(command, c, "@p" + i, null)).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }

        /// <summary>MySQL: a few hundred rows per statement, far fewer round trips than one per row.</summary>
        private async Task InsertManyAsync(HospitalDbContext db, List<object> rows, CancellationToken cancellationToken)
        {
            for (var start = 0; start < rows.Count; start += MySqlRowsPerStatement)
            {
                var count = Math.Min(MySqlRowsPerStatement, rows.Count - start);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var text = new System.Text.StringBuilder(insertPrefix);
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = $"@p{r}_{c}";
                        text.Append(c == 0 ? name : ", " + name);
                        AddParameter(command, columns[c], name, columns[c].ProviderValue(rows[start + r]));
                    }

                    text.Append(')');
                }

                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        /// <summary>PostgreSQL: binary COPY streams the rows in one command.</summary>
        private async Task CopyAsync(HospitalDbContext db, List<object> rows, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var names = string.Join(", ", columns.Select(c => "\"" + c.Name + "\""));
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{Table}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Length; i++)
                {
                    if (columns[i].ProviderValue(row) is { } value)
                    {
                        await importer.WriteAsync(value, types[i], cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        private static DbParameter AddParameter(DbCommand command, Column column, string name, object? value)
        {
            // The mapping configures the parameter as EF Core would (type, size); the value is already converted.
            var parameter = column.Mapping.CreateParameter(command, name, null, nullable: true);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read)
    {
        public object? ProviderValue(object entity) => Read(entity) is { } value && Mapping.Converter is { } converter
            ? converter.ConvertToProvider(value)
            : Read(entity);
    }

    private static Func<object, T> Getter<T>(IPropertyBase property)
    {
        var entity = Expression.Parameter(typeof(object));
        var member = Member(Expression.Convert(entity, property.DeclaringType.ClrType), property);
        return Expression.Lambda<Func<object, T>>(Expression.Convert(member, typeof(T)), entity).Compile();
    }

    private static Action<object, T> Setter<T>(IPropertyBase property)
    {
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(T));
        var member = Member(Expression.Convert(entity, property.DeclaringType.ClrType), property);
        var assign = Expression.Assign(member, Expression.Convert(value, member.Type));
        return Expression.Lambda<Action<object, T>>(assign, entity, value).Compile();
    }

    private static MemberExpression Member(Expression instance, IPropertyBase property) =>
        property.PropertyInfo is { } info ? Expression.Property(instance, info)
        : property.FieldInfo is { } field ? Expression.Field(instance, field)
        : throw new NotSupportedException($"{property.DeclaringType.ShortName()}.{property.Name} is a shadow property; bulk inserts read CLR members.");
}
