using Gql.Server.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gql.Data;

/// <summary>Runs the engine's paging and counting queries with EF Core's async operators.</summary>
public sealed class EntityFrameworkQueryExecutor : IQueryExecutor
{
    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? EntityFrameworkQueryableExtensions.ToListAsync(query, cancellationToken) : DefaultQueryExecutor.Instance.ToListAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken) : DefaultQueryExecutor.Instance.CountAsync(query, cancellationToken);
}

public static class GqlDataServiceCollectionExtensions
{
    /// <summary>Lets paging and counts run as async EF Core queries.</summary>
    public static IServiceCollection AddGraphQLEntityFramework(this IServiceCollection services)
    {
        services.TryAddSingleton<IQueryExecutor, EntityFrameworkQueryExecutor>();
        return services;
    }
}
