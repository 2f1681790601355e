using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Gql.Data.Paging;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Data.Projections;

/// <summary>
/// Loads only what the query selects: the resolver's <see cref="IQueryable{T}"/> gets a
/// <c>Select(x =&gt; new T { A = x.A, ... })</c> of the selected properties, what computed fields require, and the
/// keys relations are loaded by (<c>Id</c> and every <c>...Id</c>). Under <c>[UsePaging]</c> the projection is applied
/// to the page query itself, after ordering and seeking.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class UseProjectionAttribute : FieldConfigurationAttribute
{
    public override void Configure(FieldConfigurationContext context)
    {
        var elementType = CodeFirstSchemaBuilder.ElementType(context.ClrReturnType) ?? context.ClrReturnType;
        var method = typeof(Projector).GetMethod(nameof(Projector.Apply))!.MakeGenericMethod(elementType);
        var apply = method.CreateDelegate<Func<object?, IResolverContext, object?>>();
        context.Field.Middleware.Add(next => async resolverContext => apply(await next(resolverContext), resolverContext));
    }
}

/// <summary>A query and the projection to apply once the query is otherwise complete (used by paging).</summary>
public interface IProjectedQuery
{
    object Source { get; }
}

public sealed class ProjectedQuery<T>(IQueryable<T> source, Func<IEnumerable<string>, Expression<Func<T, T>>?> projection) : IProjectedQuery
{
    public IQueryable<T> Query { get; } = source;

    object IProjectedQuery.Source => Query;

    /// <summary>The projection, including the extra members the caller needs (ordering keys for cursors).</summary>
    public Expression<Func<T, T>>? Projection(IEnumerable<string> extraMembers) => projection(extraMembers);
}

public static class Projector
{
    private static readonly ConcurrentDictionary<(Type, string), LambdaExpression?> Cache = new();

    public static object? Apply<T>(object? result, IResolverContext context)
    {
        if (result is not IQueryable<T> query || typeof(T).IsAbstract || typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            return result;
        }

        var members = SelectedMembers<T>(context);
        if (context.Field.Metadata.ContainsKey(PagingOptions.MetadataKey))
        {
            return new ProjectedQuery<T>(query, extra => Build<T>(members.Concat(extra)));
        }

        return Build<T>(members) is { } projection ? query.Select(projection) : query;
    }

    /// <summary>The settable properties of T that the selection reads, plus keys.</summary>
    internal static HashSet<string> SelectedMembers<T>(IResolverContext context)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "Id" || (property.Name.EndsWith("Id", StringComparison.Ordinal) && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(int)))
            {
                members.Add(property.Name);
            }
        }

        if (context.Schema.FindType(context.Field.Type.Named.Name) is not ObjectType fieldType)
        {
            return members;
        }

        IEnumerable<SelectedField> selections = context.GetSelections(fieldType);
        if (context.Field.Metadata.ContainsKey(PagingOptions.MetadataKey))
        {
            // Look through the connection: nodes { ... } and edges { node { ... } }.
            var nodeType = (ObjectType)((ListType)fieldType.Fields.Find("nodes")!.Type.Nullable).OfType.Named;
            var edgeType = (ObjectType)((ListType)fieldType.Fields.Find("edges")!.Type.Nullable).OfType.Named;
            selections = selections.SelectMany(s => s.Field.Name switch
            {
                "nodes" => context.GetSelections(s, nodeType),
                "edges" => context.GetSelections(s, edgeType).Where(e => e.Field.Name == "node").SelectMany(e => context.GetSelections(e, nodeType)),
                _ => [],
            });
        }

        foreach (var selected in selections)
        {
            if (selected.Field.Metadata.GetValueOrDefault(ProjectionMetadata.Member) is PropertyInfo property && property.DeclaringType!.IsAssignableFrom(typeof(T)))
            {
                members.Add(property.Name);
            }

            if (selected.Field.Metadata.GetValueOrDefault(ProjectionMetadata.Requires) is string[] required)
            {
                members.UnionWith(required);
            }
        }

        return members;
    }

    /// <summary>The members as one key: sorted, comma-separated.</summary>
    internal static string Key(IEnumerable<string> members) => string.Join(",", members.Distinct().Order(StringComparer.Ordinal));

    private static Expression<Func<T, T>>? Build<T>(IEnumerable<string> members) => Build<T>(Key(members));

    /// <summary>The projection of the members a <see cref="Key"/> names; one instance per key, so EF Core's query cache sees the same tree.</summary>
    internal static Expression<Func<T, T>>? Build<T>(string key)
    {
        return (Expression<Func<T, T>>?)Cache.GetOrAdd((typeof(T), key), _ =>
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            var bindings = new List<MemberBinding>();
            foreach (var name in key.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
                if (property?.SetMethod is not null)
                {
                    bindings.Add(Expression.Bind(property, Expression.Property(parameter, property)));
                }
            }

            return bindings.Count == 0 ? null : (LambdaExpression)Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), parameter);
        });
    }
}
