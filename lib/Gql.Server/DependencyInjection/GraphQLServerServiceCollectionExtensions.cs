using Gql.Server.DataLoaders;
using Gql.Server.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gql.Server;

public static class GraphQLServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the schema (built once, on first use, from the code-first builder) and the
    /// <see cref="IRequestExecutor"/>. Parameters whose types are registered services are injected into resolvers.
    /// </summary>
    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, Action<CodeFirstSchemaBuilder> configure, Func<IServiceProvider, ExecutorOptions>? options = null)
    {
        services.TryAddSingleton(sp =>
        {
            var builder = new CodeFirstSchemaBuilder();
            var isService = sp.GetService<IServiceProviderIsService>();
            builder.UseServiceDetection(t => isService?.IsService(t) == true);
            configure(builder);
            return Authorization.AuthorizationSchemaExtensions.EnsurePoliciesExist(builder.Build(), sp);
        });
        services.TryAddSingleton<IRequestExecutor>(sp =>
        {
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger("Gql.Server");
            var executorOptions = options?.Invoke(sp) ?? new ExecutorOptions
            {
                IncludeExceptionDetails = sp.GetService<IHostEnvironment>()?.IsDevelopment() == true,
            };
            if (executorOptions.OnUnexpectedError is null && logger is not null)
            {
                executorOptions = executorOptions with
                {
                    OnUnexpectedError = (e, path) => logger.LogError(e, "Unexpected error resolving {Path}", string.Join("/", path)),
                };
            }

            return new RequestExecutor(sp.GetRequiredService<Schema>(), executorOptions);
        });
        return services;
    }

    /// <summary>Registers every concrete DataLoader of the assembly as a scoped service: one cache per request.</summary>
    public static IServiceCollection AddDataLoaders(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(IBatchDispatcher).IsAssignableFrom(type))
            {
                services.TryAddScoped(type);
            }
        }

        return services;
    }

    /// <summary>
    /// Registers <see cref="Subscriptions.InMemoryTopicEvents"/> as the process's <see cref="Subscriptions.ITopicEventSender"/>
    /// and <see cref="Subscriptions.ITopicEventReceiver"/> (one singleton for both).
    /// </summary>
    public static IServiceCollection AddInMemorySubscriptions(this IServiceCollection services, Action<Subscriptions.TopicEventOptions>? configure = null)
    {
        var options = new Subscriptions.TopicEventOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(new Subscriptions.InMemoryTopicEvents(options));
        services.TryAddSingleton<Subscriptions.ITopicEventSender>(sp => sp.GetRequiredService<Subscriptions.InMemoryTopicEvents>());
        services.TryAddSingleton<Subscriptions.ITopicEventReceiver>(sp => sp.GetRequiredService<Subscriptions.InMemoryTopicEvents>());
        return services;
    }
}
