using Gql.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gql.Client;

/// <summary>Configures one generated client in a service collection (returned by the generated <c>Add{Name}Client()</c>).</summary>
public interface IGraphQLClientBuilder
{
    /// <summary>The client's name, e.g. <c>HospitalClient</c>; also the name of its HTTP client and the key of its transport.</summary>
    string ClientName { get; }

    /// <summary>The services.</summary>
    IServiceCollection Services { get; }
}

/// <summary>The default <see cref="IGraphQLClientBuilder"/>.</summary>
/// <param name="clientName">The client's name.</param>
/// <param name="services">The services.</param>
public sealed class GraphQLClientBuilder(string clientName, IServiceCollection services) : IGraphQLClientBuilder
{
    /// <inheritdoc />
    public string ClientName { get; } = clientName ?? throw new ArgumentNullException(nameof(clientName));

    /// <inheritdoc />
    public IServiceCollection Services { get; } = services ?? throw new ArgumentNullException(nameof(services));
}

/// <summary>Transport registration for generated clients.</summary>
public static class GraphQLClientBuilderExtensions
{
    /// <summary>
    /// Sends the client's operations over HTTP with an <see cref="IHttpClientFactory"/> client named after the client.
    /// Set <see cref="HttpClient.BaseAddress"/> to the GraphQL endpoint, e.g. <c>http://localhost:5391/graphql</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureClient">Configures the HTTP client (base address, headers, timeout).</param>
    /// <param name="configureHttpClientBuilder">Configures the HTTP client builder (handlers, resilience), if given.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The transport sends the token of the client's credentials provider (<c>UseCredentials</c>), if one is registered.</remarks>
    public static IGraphQLClientBuilder ConfigureHttpClient(this IGraphQLClientBuilder builder, Action<HttpClient> configureClient, Action<IHttpClientBuilder>? configureHttpClientBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureClient);
        return builder.ConfigureHttpClient((_, client) => configureClient(client), configureHttpClientBuilder);
    }

    /// <summary>As <see cref="ConfigureHttpClient(IGraphQLClientBuilder, Action{HttpClient}, Action{IHttpClientBuilder}?)"/>, with the services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureClient">Configures the HTTP client.</param>
    /// <param name="configureHttpClientBuilder">Configures the HTTP client builder, if given.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder ConfigureHttpClient(this IGraphQLClientBuilder builder, Action<IServiceProvider, HttpClient> configureClient, Action<IHttpClientBuilder>? configureHttpClientBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureClient);
        var httpClientBuilder = builder.Services.AddHttpClient(builder.ClientName, configureClient);
        configureHttpClientBuilder?.Invoke(httpClientBuilder);
        var name = builder.ClientName;
        return builder.UseTransport(sp => new HttpGraphQLTransport(
            sp.GetRequiredService<IHttpClientFactory>(),
            name,
            sp.GetKeyedService<IGraphQLCredentialsProvider>(name)));
    }

    /// <summary>Sets the timing of the client's watched queries (quiet period, maximum delay, clock).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder ConfigureWatchedQueries(this IGraphQLClientBuilder builder, Action<WatchedQueryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.ConfigureWatchedQueries((_, options) => configure(options));
    }

    /// <summary>As <see cref="ConfigureWatchedQueries(IGraphQLClientBuilder, Action{WatchedQueryOptions})"/>, with the services (e.g. a <see cref="TimeProvider"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder ConfigureWatchedQueries(this IGraphQLClientBuilder builder, Action<IServiceProvider, WatchedQueryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.RemoveAllKeyed<GraphQLEntityChanges>(builder.ClientName);
        builder.Services.AddKeyedScoped(builder.ClientName, (sp, _) =>
        {
            var options = new WatchedQueryOptions();
            configure(sp, options);
            return new GraphQLEntityChanges(options);
        });
        return builder;
    }

    /// <summary>
    /// Uses a transport of your own (in-process, WebSocket, a test double) for the client. Like the client, it is
    /// scoped: one per user (a Blazor circuit, a request), so it can carry that user's identity or token.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the transport.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseTransport(this IGraphQLClientBuilder builder, Func<IServiceProvider, IGraphQLTransport> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IGraphQLTransport>(builder.ClientName);
        builder.Services.AddKeyedScoped(builder.ClientName, (sp, _) => factory(sp));
        return builder;
    }
}
