using System.Linq.Expressions;
using Gql.Server.DataLoaders;
using Hospital.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Data;

/// <summary>Loads entities by a key in one query per batch: <c>WHERE key IN (...)</c>, untracked.</summary>
public abstract class EntityByKeyDataLoader<T>(IDbContextFactory<HospitalDbContext> factory, Expression<Func<T, int>> key) : BatchDataLoader<int, T>
    where T : class
{
    private readonly Func<T, int> keyOf = key.Compile();

    protected override async Task<IReadOnlyDictionary<int, T>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<T>().AsNoTracking().Where(KeyIn(key, keys)).ToListAsync(cancellationToken);
        return rows.ToDictionary(keyOf);
    }

    /// <summary><c>x =&gt; keys.Contains(key(x))</c>, which EF Core turns into an IN list or array parameter.</summary>
    internal static Expression<Func<T, bool>> KeyIn(Expression<Func<T, int>> key, IReadOnlyList<int> keys)
    {
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(keys.ToArray()), key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }
}

/// <summary>Loads the entities that share a key (children of a parent) in one query per batch, in a stable order.</summary>
public abstract class EntitiesByKeyDataLoader<T>(
    IDbContextFactory<HospitalDbContext> factory,
    Expression<Func<T, int>> key,
    Func<IQueryable<T>, IOrderedQueryable<T>> order) : GroupedDataLoader<int, T>
    where T : class
{
    private readonly Func<T, int> keyOf = key.Compile();

    protected override async Task<ILookup<int, T>> LoadGroupedBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await order(db.Set<T>().AsNoTracking().Where(EntityByKeyDataLoader<T>.KeyIn(key, keys))).ToListAsync(cancellationToken);
        return rows.ToLookup(keyOf);
    }
}
