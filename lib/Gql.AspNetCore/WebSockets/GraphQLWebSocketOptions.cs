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

    /// <summary>The default <see cref="KeepAliveTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultKeepAliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="SendTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultSendTimeout = TimeSpan.FromSeconds(30);

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

    /// <summary>
    /// How long past a keep-alive interval the server waits for anything from the client (its <c>pong</c> or any other
    /// message) before it closes the socket with <c>4504</c>: a client that vanished without a close (a phone that lost
    /// its network) no longer holds its subscriptions. Null waits forever. Default 30 seconds; needs <see cref="KeepAliveInterval"/>.
    /// </summary>
    public TimeSpan? KeepAliveTimeout { get; set; } = DefaultKeepAliveTimeout;

    /// <summary>
    /// How long one message may take to be handed to the client. A client that stops reading (a slow consumer) would
    /// otherwise hold the server's sends, and its events in memory, without bound; its socket is cut instead. Null waits
    /// forever. Default 30 seconds.
    /// </summary>
    public TimeSpan? SendTimeout { get; set; } = DefaultSendTimeout;

    /// <summary>How many operations (subscriptions) one socket may run at once; more are answered with an <c>error</c>. Default 50.</summary>
    public int MaxOperationsPerSocket { get; set; } = 50;

    /// <summary>How many GraphQL sockets the endpoint holds open at once; further upgrades get 503. Default 10,000.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>
    /// How many sockets one signed-in user (by name, after <c>connection_init</c>) may hold open at once; a further
    /// socket is closed with <c>4429</c>. Default 20.
    /// </summary>
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>
    /// The origins (<c>https://host[:port]</c>) browsers may open sockets from. A handshake whose <c>Origin</c> is not
    /// listed is refused with 403 (cross-site WebSocket hijacking: a page elsewhere riding the user's cookie). Empty
    /// allows only the endpoint's own origin. Clients that send no <c>Origin</c> (not browsers) are not affected.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];
}
