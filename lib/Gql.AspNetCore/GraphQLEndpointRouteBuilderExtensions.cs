using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Gql.AspNetCore;

/// <summary>Maps GraphQL HTTP endpoints.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a GraphQL-over-HTTP endpoint at <paramref name="pattern"/> that executes requests with the
    /// <see cref="Gql.Server.Execution.IRequestExecutor"/> registered in DI (a singleton). The endpoint answers POST (JSON bodies)
    /// and GET (query string), <c>GET {pattern}?sdl</c> with the schema (via <see cref="ISchemaSdlProvider"/>), and
    /// browsers with the Banana Cake Pop IDE, whose files it serves below <paramref name="pattern"/>.
    /// Subscriptions (and queries and mutations) are also served on the same path over WebSocket with the
    /// <c>graphql-transport-ws</c> protocol (see <see cref="GraphQLHttpOptions.WebSockets"/> and
    /// <see cref="WebSockets.IGraphQLWebSocketInterceptor"/>; <c>UseWebSockets()</c> is not needed), and as server-sent
    /// events to POST and GET requests that accept <c>text/event-stream</c> (see <see cref="GraphQLHttpOptions.ServerSentEvents"/>).
    /// </summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <param name="pattern">The endpoint path, <c>/graphql</c> by default.</param>
    /// <param name="configure">Adjusts the endpoint's <see cref="GraphQLHttpOptions"/> (body limit, GET, IDE, WebSockets, SSE).</param>
    /// <returns>A builder to add conventions (authorization, CORS, rate limiting) to the endpoint.</returns>
    public static GraphQLEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql", Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);

        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        if (options.MaxRequestBodySize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), "MaxRequestBodySize must be positive.");
        }

        if (options.WebSockets.ConnectionInitTimeout <= TimeSpan.Zero && options.WebSockets.ConnectionInitTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), "WebSockets.ConnectionInitTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.WebSockets.KeepAliveInterval <= TimeSpan.Zero || options.ServerSentEvents.KeepAliveInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), "Keep-alive intervals must be positive, or null to switch them off.");
        }

        var handler = new GraphQLHttpHandler(options, endpoints.ServiceProvider);

        // One route for the endpoint and the IDE files below it: a catch-all parameter also matches nothing, so
        // "/graphql", "/graphql/" and "/graphql/static/js/main.js" all arrive here. Methods are checked by the handler,
        // which answers 405 with an Allow header as GraphQL over HTTP requires.
        var route = RoutePatternFactory.Parse(pattern.TrimEnd('/') + "/{**" + GraphQLHttpHandler.SubPathRouteValue + "}");
        var builder = endpoints.Map(route, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
        return new GraphQLEndpointConventionBuilder(builder);
    }
}

/// <summary>Adds conventions (metadata such as authorization or CORS policies) to a GraphQL endpoint.</summary>
public sealed class GraphQLEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder inner;

    internal GraphQLEndpointConventionBuilder(IEndpointConventionBuilder inner) => this.inner = inner;

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention) => inner.Add(convention);

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention) => inner.Finally(finallyConvention);
}
