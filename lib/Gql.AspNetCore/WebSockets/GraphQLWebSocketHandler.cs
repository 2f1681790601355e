using Gql.Server.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades on a GraphQL endpoint and hands each socket to a <see cref="GraphQLWebSocketSession"/>.
/// The application need not call <c>UseWebSockets()</c>: without it, the endpoint runs ASP.NET Core's WebSocket
/// middleware for its own requests.
/// </summary>
internal sealed class GraphQLWebSocketHandler
{
    private readonly GraphQLHttpOptions options;
    private readonly IServiceProvider rootServices;
    private readonly RequestDelegate withMiddleware;
    private readonly ILogger logger;

    /// <param name="options">The endpoint's options.</param>
    /// <param name="rootServices">The application's services.</param>
    /// <param name="notWebSocket">Serves an upgrade request that turns out not to be a valid WebSocket handshake.</param>
    public GraphQLWebSocketHandler(GraphQLHttpOptions options, IServiceProvider rootServices, RequestDelegate notWebSocket)
    {
        this.options = options;
        this.rootServices = rootServices;
        owners = new SocketOwners(options.WebSockets.MaxConnectionsPerUser);
        var loggerFactory = rootServices.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        logger = loggerFactory.CreateLogger("Gql.AspNetCore.GraphQLWebSocket");
        var middleware = new WebSocketMiddleware(
            context => context.WebSockets.IsWebSocketRequest ? AcceptAsync(context) : notWebSocket(context),
            Options.Create(new WebSocketOptions()),
            loggerFactory);
        withMiddleware = middleware.Invoke;
    }

    /// <summary>Whether the request asks for a WebSocket (HTTP/1.1 upgrade or HTTP/2 extended CONNECT).</summary>
    public static bool IsUpgradeRequest(HttpContext context)
    {
        if (context.Features.Get<IHttpWebSocketFeature>() is { } feature)
        {
            return feature.IsWebSocketRequest;
        }

        return context.Request.Headers.Upgrade.Count > 0 || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true };
    }

    public Task HandleAsync(HttpContext context) =>
        context.Features.Get<IHttpWebSocketFeature>() is null ? withMiddleware(context) : AcceptAsync(context);

    private int connections;
    private readonly SocketOwners owners;

    private async Task AcceptAsync(HttpContext context)
    {
        if (!OriginAllowed(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (Interlocked.Increment(ref connections) > options.WebSockets.MaxConnections)
        {
            Interlocked.Decrement(ref connections);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            await AcceptCountedAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref connections);
        }
    }

    /// <summary>
    /// Whether the handshake's <c>Origin</c> (sent by every browser) is the endpoint's own or a configured one. Browsers
    /// do not apply the same-origin policy to WebSockets, so without this any site could open a socket with the user's
    /// cookie.
    /// </summary>
    private bool OriginAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.WebSockets.AllowedOrigins.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    private async Task AcceptCountedAsync(HttpContext context)
    {
        // A client that does not offer graphql-transport-ws still gets a socket, closed at once with 4406, as the
        // protocol's reference server does: a refused handshake would tell it nothing.
        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(MessageTypes.SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = offered ? MessageTypes.SubProtocol : null });
        var executor = rootServices.GetRequiredService<IRequestExecutor>();
        var stopping = rootServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var session = new GraphQLWebSocketSession(socket, context, options, executor, logger) { Owners = owners };
        await session.RunAsync(stopping);
    }
}

/// <summary>How many sockets each signed-in user holds on one endpoint, against a limit.</summary>
internal sealed class SocketOwners(int limit)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public bool TryClaim(string user)
    {
        if (counts.AddOrUpdate(user, 1, static (_, count) => count + 1) <= limit)
        {
            return true;
        }

        Release(user);
        return false;
    }

    public void Release(string user)
    {
        if (counts.AddOrUpdate(user, 0, static (_, count) => count - 1) <= 0)
        {
            counts.TryRemove(KeyValuePair.Create(user, 0));
        }
    }
}
