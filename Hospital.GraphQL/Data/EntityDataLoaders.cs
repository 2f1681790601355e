using System.Collections.Concurrent;
using System.Linq.Expressions;
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
    public static async Task<ILookup<int, T>> GroupedByKeysAsync<T>(this IQueryable<T> query, IReadOnlyList<int> keys, Expression<Func<T, int>> key, CancellationToken cancellationToken)
    {
        var rows = await query.Where(KeyIn(key, keys)).ToListAsync(cancellationToken);
        return rows.ToLookup(Compiled(key));
    }

    /// <summary><c>x =&gt; keys.Contains(key(x))</c>, which EF Core turns into an IN list or array parameter.</summary>
    private static Expression<Func<T, bool>> KeyIn<T>(Expression<Func<T, int>> key, IReadOnlyList<int> keys)
    {
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(keys.ToArray()), key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    private static Func<T, int> Compiled<T>(Expression<Func<T, int>> key) =>
        (Func<T, int>)Keys.GetOrAdd(typeof(T).FullName + "|" + key, _ => key.Compile());
}
