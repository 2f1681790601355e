namespace Gql.Transport;

/// <summary>The subprotocol name and the <c>type</c> values of <c>graphql-transport-ws</c> messages.</summary>
public static class GraphQLTransportWsMessageTypes
{
    /// <summary>The WebSocket subprotocol both sides ask for.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol.</summary>
public static class GraphQLTransportWsCloseCodes
{
    /// <summary>A message was not valid JSON, had an unknown type or the wrong shape.</summary>
    public const int BadRequest = 4400;

    /// <summary>An operation was subscribed before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The server rejected the connection (the <c>connection_init</c> payload, e.g. credentials).</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not ask for (or the server does not speak) <c>graphql-transport-ws</c>.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> arrived within the server's time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> reused the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c> arrived.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>Something failed on the server; the details are logged, never sent.</summary>
    public const int InternalServerError = 4500;

    /// <summary>The client closed the socket because the server did not acknowledge in time.</summary>
    public const int ConnectionAcknowledgementTimeout = 4504;

    /// <summary>
    /// Whether a close code means that connecting again would fail the same way: the protocol errors 4400, 4401, 4406,
    /// 4409, 4429 and the refusal 4403. Every other code (1000, 1001, 1006, 1011, 4408, 4500, ...) is a drop worth
    /// retrying.
    /// </summary>
    /// <param name="closeCode">The close code.</param>
    /// <returns>True when a client must not reconnect.</returns>
    public static bool IsTerminal(int closeCode) => closeCode is BadRequest or Unauthorized or Forbidden or SubprotocolNotAcceptable or SubscriberAlreadyExists or TooManyInitialisationRequests;
}

/// <summary>The media types of GraphQL over HTTP and of its server-sent events.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";
}

/// <summary>The event names of GraphQL over server-sent events (the "distinct connections" mode).</summary>
public static class GraphQLServerSentEventNames
{
    public const string Next = "next";
    public const string Complete = "complete";
}
