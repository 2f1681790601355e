using System.Collections.Concurrent;
using System.Linq.Expressions;
using Gql.Server.DataLoaders;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Data;

/// <summary>The two shapes of DataLoader query: entities by their keys, and groups of entities by a parent key.</summary>
public static class DataLoaderQueries
{
    private static readonly ConcurrentDictionary<string, Delegate> Keys = new();

    /// <summary><c>WHERE key IN (...)</c>, one row per key.</summary>
    public static async Task<IReadOnlyDictionary<int, T>> ByKeysAsync<T>(this IQueryable<T> query, IReadOnlyList<int> keys, Expression<Func<T, int>> key, CancellationToken cancellationToken)
    {
        var rows = await query.Where(KeyIn(key, keys)).ToListAsync(cancellationToken);
        return rows.ToDictionary(Compiled(key));
    }

    /// <summary><c>WHERE key IN (...)</c>, grouped by the key in the query's order.</summary>
    public static Task<ILookup<int, T>> GroupedByKeysAsync<T>(this IQueryable<T> query, IReadOnlyList<int> keys, Expression<Func<T, int>> key, CancellationToken cancellationToken) =>
        query.GroupedByKeysAsync(keys, key, Projection<T>.All, cancellationToken);

    /// <summary><c>SELECT</c> the projection's columns <c>WHERE key IN (...)</c>, grouped by the key in the query's order.</summary>
    public static async Task<ILookup<int, T>> GroupedByKeysAsync<T>(this IQueryable<T> query, IReadOnlyList<int> keys, Expression<Func<T, int>> key, Projection<T> projection, CancellationToken cancellationToken)
    {
        query = query.Where(KeyIn(key, keys));
        if (projection.Selector is { } selector)
        {
            // The projection keeps every ...Id member, so the grouping key is still there to group by.
            query = query.Select(selector);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.ToLookup(Compiled(key));
    }

    /// <summary><c>x =&gt; keys.Contains(key(x))</c>, with the keys as one parameter (an array, or json_each on SQLite).</summary>
    private static Expression<Func<T, bool>> KeyIn<T>(Expression<Func<T, int>> key, IReadOnlyList<int> keys)
    {
        // The keys are read from a field of a captured object, as a C# closure would hold them, so EF Core sends them
        // as a parameter: every batch then has the same expression tree and reuses one compiled query. A constant
        // array would make each distinct key set a new query-cache entry, compiled from scratch on the request.
        var batch = new KeyBatch(keys.ToArray());
        var values = Expression.Field(Expression.Constant(batch), nameof(KeyBatch.Keys));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], values, key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    private static Func<T, int> Compiled<T>(Expression<Func<T, int>> key) =>
        (Func<T, int>)Keys.GetOrAdd(typeof(T).FullName + "|" + key, _ => key.Compile());

    private sealed class KeyBatch(int[] keys)
    {
        public readonly int[] Keys = keys;
    }
}
