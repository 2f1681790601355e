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

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol.</summary>
public static class GraphQLTransportWsCloseCodes
{
    /// <summary>A message of an unknown type or format.</summary>
    public const int BadRequest = 4400;

    /// <summary>An operation was requested before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The server rejected the <c>connection_init</c> payload.</summary>
    public const int Forbidden = 4403;

    /// <summary>The server does not speak <c>graphql-transport-ws</c>.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>The client did not send <c>connection_init</c> in time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>An operation id was reused while its operation was still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary><c>connection_init</c> was sent more than once.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The server failed internally.</summary>
    public const int InternalServerError = 4500;

    /// <summary>The client closed the socket because the server did not acknowledge in time.</summary>
    public const int ConnectionAcknowledgementTimeout = 4504;

    /// <summary>
    /// Whether a close code means that connecting again would fail the same way: the protocol errors 4400, 4401, 4406,
    /// 4409, 4429 and the refusal 4403. Every other code (1000, 1001, 1006, 1011, 4408, 4500, ...) is a drop worth
    /// retrying.
    /// </summary>
    /// <param name="closeCode">The close code.</param>
    /// <returns>True when the transport must not reconnect.</returns>
    public static bool IsTerminal(int closeCode) => closeCode is BadRequest or Unauthorized or Forbidden or SubprotocolNotAcceptable or SubscriberAlreadyExists or TooManyInitialisationRequests;
}
