namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// Settings of the GraphQL over WebSocket transport (<c>graphql-transport-ws</c>) that
/// <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/> serves on the endpoint's own path.
/// </summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>The default <see cref="ConnectionInitTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultConnectionInitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default <see cref="KeepAliveInterval"/>: 12 seconds.</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(12);

    /// <summary>Whether WebSocket upgrade requests to the endpoint are accepted. Default true.</summary>
    public bool Enable { get; set; } = true;

    /// <summary>
    /// How long a client has after the handshake to send <c>connection_init</c>; the socket is then closed with
    /// <c>4408</c>. Default 10 seconds.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = DefaultConnectionInitTimeout;

    /// <summary>
    /// How often the server sends a protocol <c>ping</c> once the connection is acknowledged, so that proxies keep idle
    /// sockets open and dead clients are noticed; null switches the pings off. Default 12 seconds.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; } = DefaultKeepAliveInterval;
}
