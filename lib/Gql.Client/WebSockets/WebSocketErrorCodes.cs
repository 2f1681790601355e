using Gql.Transport;

namespace Gql.Client.WebSockets;

/// <summary>
/// Codes of the transport errors the WebSocket transport reports (<see cref="GraphQLClientError.Code"/>), beside
/// <see cref="ClientErrorCodes"/>. Close codes and reasons travel in the error's extensions <c>closeCode</c> and
/// <c>closeReason</c>.
/// </summary>
public static class WebSocketErrorCodes
{
    /// <summary>
    /// The connection could not be opened (or re-opened after a drop) within the reconnect policy's retries. Extensions:
    /// <c>attempts</c>, and <c>closeCode</c>/<c>closeReason</c> or <c>statusCode</c> of the last attempt when known.
    /// </summary>
    public const string ConnectionFailed = "WEBSOCKET_CONNECTION_FAILED";

    /// <summary>The server did not acknowledge <c>connection_init</c> in time, on every attempt.</summary>
    public const string AckTimeout = "WEBSOCKET_ACK_TIMEOUT";

    /// <summary>
    /// The connection dropped while a mutation was in flight: it may or may not have run on the server, so it is not
    /// sent again.
    /// </summary>
    public const string ConnectionLost = "WEBSOCKET_CONNECTION_LOST";

    /// <summary>
    /// The server refused the connection: close code 4403 (the <c>connection_init</c> payload, e.g. credentials, was
    /// rejected) or HTTP 401/403 on the upgrade request. Not retried; except that with
    /// <see cref="WebSocketTransportOptions.Credentials"/> a 4403 is retried once with a refreshed token, and a refusal of
    /// that one carries the extension <c>credentialsRefreshed: true</c>.
    /// </summary>
    public const string Forbidden = "WEBSOCKET_FORBIDDEN";

    /// <summary>
    /// The server closed the connection with a close code that retrying cannot fix (see
    /// <see cref="GraphQLTransportWsCloseCodes.IsTerminal"/>), or did not accept the <c>graphql-transport-ws</c>
    /// subprotocol. Not retried.
    /// </summary>
    public const string ConnectionClosed = "WEBSOCKET_CONNECTION_CLOSED";

    /// <summary>The transport was disposed before the operation had its result.</summary>
    public const string Disposed = "WEBSOCKET_TRANSPORT_DISPOSED";
}
