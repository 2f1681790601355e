using System.Net.WebSockets;

namespace Gql.Client.WebSockets;

/// <summary>Settings of a <see cref="WebSocketGraphQLTransport"/>; read once, when the transport is created.</summary>
public sealed class WebSocketTransportOptions
{
    /// <summary>
    /// The GraphQL WebSocket endpoint, e.g. <c>ws://localhost:5391/graphql</c>. <c>http</c> and <c>https</c> are accepted
    /// and mean <c>ws</c> and <c>wss</c>.
    /// </summary>
    public Uri? Uri { get; set; }

    /// <summary>
    /// Produces the <c>connection_init</c> payload, e.g. <c>{ "authorization": "Bearer ..." }</c>; called for every
    /// connection, reconnects included, so a refreshed token is picked up. Values may be strings, numbers, booleans,
    /// null, dictionaries, lists, <see cref="System.Text.Json.JsonElement"/> or <see cref="IJsonWritable"/>. Null (the
    /// default, or a null result) sends no payload. A failure counts as a failed connection attempt.
    /// </summary>
    public Func<CancellationToken, ValueTask<IReadOnlyDictionary<string, object?>?>>? ConnectionInitPayload { get; set; }

    /// <summary>
    /// Supplies the access token sent in every <c>connection_init</c> payload as <c>"authorization": "Bearer &lt;token&gt;"</c>
    /// (beside, and in place of any <c>authorization</c> in, <see cref="ConnectionInitPayload"/>). When the server closes
    /// with <c>4403</c> (the token was refused, or expired on an open connection), the transport asks for a fresh token
    /// (<c>forceRefresh: true</c>), reconnects at once and subscribes the active operations again; if the fresh token is
    /// refused too, they fail with <see cref="WebSocketErrorCodes.Forbidden"/>. Null (the default) sends no token and
    /// treats 4403 as final. Set by <c>UseCredentials</c> for a generated client.
    /// </summary>
    public IGraphQLCredentialsProvider? Credentials { get; set; }

    /// <summary>Configures each <see cref="ClientWebSocket"/> before it connects: request headers (cookies), certificates, proxy.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>
    /// Replaces <see cref="ClientWebSocket"/> entirely: returns an open socket for the endpoint that negotiated
    /// <c>graphql-transport-ws</c> (e.g. an in-memory test server's client). <see cref="ConfigureWebSocket"/> is not used then.
    /// </summary>
    public Func<Uri, CancellationToken, ValueTask<WebSocket>>? ConnectWebSocket { get; set; }

    /// <summary>How long opening the socket (the HTTP upgrade) may take; 10 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for <c>connection_ack</c> after <c>connection_init</c>; 10 seconds by default.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Sends a protocol <c>ping</c> this often while connected, when set (null, the default, sends none; the server's
    /// pings are always answered). A ping unanswered for <see cref="KeepAliveTimeout"/> counts as a dropped connection.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>How long a keep-alive ping may wait for its pong; 10 seconds by default.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When and how often to connect again after a failed attempt or a dropped connection.</summary>
    public WebSocketReconnectPolicy Reconnect { get; set; } = new();

    /// <summary>The largest message accepted from the server; a larger one closes the connection (1009). 16 MiB by default.</summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    internal Uri GetEndpoint()
    {
        if (Uri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException("WebSocketTransportOptions.Uri must be an absolute ws://, wss://, http:// or https:// address.", nameof(Uri));
        }

        var scheme = uri.Scheme switch
        {
            "ws" or "wss" => uri.Scheme,
            "http" => "ws",
            "https" => "wss",
            _ => throw new ArgumentException($"WebSocketTransportOptions.Uri has the scheme '{uri.Scheme}'; use ws, wss, http or https.", nameof(Uri)),
        };
        return scheme == uri.Scheme ? uri : new UriBuilder(uri) { Scheme = scheme, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
    }

    internal void Validate()
    {
        _ = GetEndpoint();
        ArgumentNullException.ThrowIfNull(Reconnect, nameof(Reconnect));
        Reconnect.Validate();
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(AckTimeout, nameof(AckTimeout));
        Positive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        if (KeepAliveInterval is { } interval)
        {
            Positive(interval, nameof(KeepAliveInterval));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1024, nameof(MaxMessageBytes));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }
}

/// <summary>
/// Exponential backoff between connection attempts: retry <c>n</c> waits <see cref="InitialDelay"/> × 2^(n-1), at most
/// <see cref="MaxDelay"/>, spread by ± <see cref="Jitter"/>. It applies to the first connection (after its first
/// attempt fails) and to reconnects after a drop (the drop counts as the failed attempt, so the first reconnect waits
/// <see cref="InitialDelay"/>). A successful <c>connection_ack</c> starts the count again.
/// </summary>
public sealed record WebSocketReconnectPolicy
{
    /// <summary>A policy that never retries: one attempt to connect, and no reconnect after a drop.</summary>
    public static WebSocketReconnectPolicy Never { get; } = new() { MaxRetries = 0 };

    /// <summary>The wait before the first retry; 500 ms by default.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between retries; 30 seconds by default.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries in a row before the operations waiting for the connection get
    /// <see cref="WebSocketErrorCodes.ConnectionFailed"/>; null retries for ever (while some operation waits). 5 by default.
    /// </summary>
    public int? MaxRetries { get; init; } = 5;

    /// <summary>The random spread of each delay as a fraction of it, from 0 to 1; 0.2 (± 20 %) by default.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The wait before retry <paramref name="retry"/>.</summary>
    /// <param name="retry">The retry, from 1.</param>
    /// <param name="sample">A random number in [0, 1) that places the delay in the jitter range; 0.5 is the middle.</param>
    /// <returns>The delay, between zero and <see cref="MaxDelay"/>.</returns>
    public TimeSpan GetDelay(int retry, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var delay = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        delay *= 1 + (Jitter * ((2 * Math.Clamp(sample, 0, 1)) - 1));
        return TimeSpan.FromMilliseconds(Math.Clamp(delay, 0, MaxDelay.TotalMilliseconds));
    }

    internal void Validate()
    {
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), "The reconnect delays must satisfy 0 <= InitialDelay <= MaxDelay.");
        }

        if (MaxRetries is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Must be 0 or more, or null for no limit.");
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Must be between 0 and 1.");
        }
    }
}
