using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gql.Client;

/// <summary>Credentials for generated clients: the access token their HTTP, SSE and WebSocket transports send.</summary>
public static class CredentialsGraphQLClientBuilderExtensions
{
    /// <summary>
    /// Sends the token of <typeparamref name="TProvider"/> with the client's operations: <c>Authorization: Bearer</c>
    /// on HTTP and SSE (a 401 is retried once with a refreshed token) and <c>authorization</c> in the WebSocket
    /// <c>connection_init</c> payload (a 4403 reconnects once with a refreshed token). The provider is a singleton of
    /// the client: the registered <typeparamref name="TProvider"/> service when there is one, else one made for the client.
    /// Call it before or after configuring the transports.
    /// </summary>
    /// <typeparam name="TProvider">The provider.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseCredentials<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IGraphQLClientBuilder builder)
        where TProvider : class, IGraphQLCredentialsProvider =>
        builder.UseCredentials(static sp => ActivatorUtilities.GetServiceOrCreateInstance<TProvider>(sp));

    /// <summary>As <see cref="UseCredentials{TProvider}(IGraphQLClientBuilder)"/>, with a provider made by <paramref name="factory"/> (once, for the client).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the provider.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseCredentials(this IGraphQLClientBuilder builder, Func<IServiceProvider, IGraphQLCredentialsProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IGraphQLCredentialsProvider>(builder.ClientName);
        builder.Services.AddKeyedSingleton(builder.ClientName, (sp, _) => factory(sp));
        return builder;
    }

    /// <summary>
    /// As <see cref="UseCredentials(IGraphQLClientBuilder, Func{IServiceProvider, IGraphQLCredentialsProvider})"/>, with
    /// the provider's lifetime: <see cref="ServiceLifetime.Scoped"/> gives each scope (a user's circuit or request) its
    /// own provider, for clients that act for whoever the scope serves. The client's transports must then be scoped too.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the provider.</param>
    /// <param name="lifetime">Singleton (once for the client), scoped or transient.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseCredentials(this IGraphQLClientBuilder builder, Func<IServiceProvider, IGraphQLCredentialsProvider> factory, ServiceLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IGraphQLCredentialsProvider>(builder.ClientName);
        builder.Services.Add(new ServiceDescriptor(typeof(IGraphQLCredentialsProvider), builder.ClientName, (sp, _) => factory(sp), lifetime));
        return builder;
    }

    /// <summary>As <see cref="UseCredentials{TProvider}(IGraphQLClientBuilder)"/>, with a provider instance (not disposed by the container).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseCredentials(this IGraphQLClientBuilder builder, IGraphQLCredentialsProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.Services.RemoveAllKeyed<IGraphQLCredentialsProvider>(builder.ClientName);
        builder.Services.AddKeyedSingleton(builder.ClientName, provider);
        return builder;
    }
}
