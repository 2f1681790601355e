namespace Gql.Server.Execution;

/// <summary>
/// Runs queries built by middleware (paging, counts) asynchronously. The engine knows only <see cref="IQueryable"/>;
/// a data package (Gql.Data for EF Core) registers a provider-aware implementation.
/// </summary>
public interface IQueryExecutor
{
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}

/// <summary>For in-memory sequences and providers that implement <see cref="IAsyncEnumerable{T}"/>.</summary>
public sealed class DefaultQueryExecutor : IQueryExecutor
{
    public static DefaultQueryExecutor Instance { get; } = new();

    public async Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        if (query is IAsyncEnumerable<T> stream)
        {
            var items = new List<T>();
            await foreach (var item in stream.WithCancellation(cancellationToken))
            {
                items.Add(item);
            }

            return items;
        }

        return query.ToList();
    }

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => Task.FromResult(query.Count());
}

public static class QueryExecutorResolverContextExtensions
{
    /// <summary>The registered <see cref="IQueryExecutor"/>, or the default one.</summary>
    public static IQueryExecutor QueryExecutor(this IResolverContext context) =>
        context.Services.GetService(typeof(IQueryExecutor)) as IQueryExecutor ?? DefaultQueryExecutor.Instance;
}
