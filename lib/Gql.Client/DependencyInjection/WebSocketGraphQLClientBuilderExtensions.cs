using Gql.Client.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gql.Client;

/// <summary>WebSocket transport registration for generated clients (<c>graphql-transport-ws</c>).</summary>
public static class WebSocketGraphQLClientBuilderExtensions
{
    /// <summary>Sends all of the client's operations over one shared WebSocket connection to <paramref name="uri"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="uri">The endpoint, e.g. <c>ws://localhost:5391/graphql</c>.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseWebSocketTransport(this IGraphQLClientBuilder builder, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return builder.UseWebSocketTransport((_, options) => options.Uri = uri);
    }

    /// <summary>Sends all of the client's operations over one shared WebSocket connection.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the endpoint, the <c>connection_init</c> payload (credentials), timeouts and reconnect policy.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseWebSocketTransport(this IGraphQLClientBuilder builder, Action<WebSocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseWebSocketTransport((_, options) => configure(options));
    }

    /// <summary>As <see cref="UseWebSocketTransport(IGraphQLClientBuilder, Action{WebSocketTransportOptions})"/>, with the services (e.g. a token source).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseWebSocketTransport(this IGraphQLClientBuilder builder, Action<IServiceProvider, WebSocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = builder.ClientName;
        return builder.UseTransport(sp => CreateTransport(sp, name, configure));
    }

    /// <summary>
    /// Keeps the transport configured so far (e.g. by <c>ConfigureHttpClient</c>) for queries and mutations and sends
    /// subscriptions over a WebSocket to <paramref name="uri"/>. Call it after the other transport is configured.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="uri">The WebSocket endpoint.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseWebSocketForSubscriptions(this IGraphQLClientBuilder builder, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return builder.UseWebSocketForSubscriptions((_, options) => options.Uri = uri);
    }

    /// <summary>As <see cref="UseWebSocketForSubscriptions(IGraphQLClientBuilder, Uri)"/>, with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseWebSocketForSubscriptions(this IGraphQLClientBuilder builder, Action<WebSocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseWebSocketForSubscriptions((_, options) => configure(options));
    }

    /// <summary>As <see cref="UseWebSocketForSubscriptions(IGraphQLClientBuilder, Uri)"/>, with options and the services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No transport is configured for the client yet.</exception>
    public static IGraphQLClientBuilder UseWebSocketForSubscriptions(this IGraphQLClientBuilder builder, Action<IServiceProvider, WebSocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var existing = builder.Services.LastOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(IGraphQLTransport) && Equals(d.ServiceKey, builder.ClientName))
            ?? throw new InvalidOperationException(
                $"No transport is configured for {builder.ClientName} yet: configure the one for queries and mutations first (e.g. ConfigureHttpClient), then call UseWebSocketForSubscriptions.");

        // Both transports stay services of their own under private keys, so the container creates and disposes them.
        var queriesKey = new TransportKey(builder.ClientName, "queries-and-mutations");
        var subscriptionsKey = new TransportKey(builder.ClientName, "subscriptions");
        builder.Services.RemoveAllKeyed<IGraphQLTransport>(queriesKey);
        builder.Services.RemoveAllKeyed<IGraphQLTransport>(subscriptionsKey);
        builder.Services.Add(Rekey(existing, queriesKey));
        var name = builder.ClientName;
        builder.Services.AddKeyedScoped<IGraphQLTransport>(subscriptionsKey, (sp, _) => CreateTransport(sp, name, configure));
        return builder.UseTransport(sp => new SplitGraphQLTransport(
            sp.GetRequiredKeyedService<IGraphQLTransport>(queriesKey),
            sp.GetRequiredKeyedService<IGraphQLTransport>(subscriptionsKey)));
    }

    private static WebSocketGraphQLTransport CreateTransport(IServiceProvider services, string clientName, Action<IServiceProvider, WebSocketTransportOptions> configure)
    {
        // The client's credentials provider (UseCredentials), unless the options name one of their own.
        var options = new WebSocketTransportOptions { Credentials = services.GetKeyedService<IGraphQLCredentialsProvider>(clientName) };
        configure(services, options);
        return new WebSocketGraphQLTransport(options);
    }

    private static ServiceDescriptor Rekey(ServiceDescriptor descriptor, TransportKey key)
    {
        var originalKey = descriptor.ServiceKey;
        if (descriptor.KeyedImplementationInstance is { } instance)
        {
            return new ServiceDescriptor(typeof(IGraphQLTransport), key, instance);
        }

        if (descriptor.KeyedImplementationFactory is { } factory)
        {
            return new ServiceDescriptor(typeof(IGraphQLTransport), key, (sp, _) => factory(sp, originalKey), descriptor.Lifetime);
        }

        return new ServiceDescriptor(typeof(IGraphQLTransport), key, descriptor.KeyedImplementationType!, descriptor.Lifetime);
    }

    /// <summary>The service key of one of the transports behind a split client transport.</summary>
    private sealed record TransportKey(string ClientName, string Role);
}
