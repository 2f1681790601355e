using Gql.Transport;

namespace Gql.AspNetCore.WebSockets;

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol that the server uses to end a socket.</summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>A message was not valid JSON, had an unknown type or the wrong shape.</summary>
    public const int BadRequest = GraphQLTransportWsCloseCodes.BadRequest;

    /// <summary>An operation was subscribed before the connection was acknowledged.</summary>
    public const int Unauthorized = GraphQLTransportWsCloseCodes.Unauthorized;

    /// <summary>The <see cref="IGraphQLWebSocketInterceptor"/> rejected the connection.</summary>
    public const int Forbidden = GraphQLTransportWsCloseCodes.Forbidden;

    /// <summary>The client did not ask for the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = GraphQLTransportWsCloseCodes.SubprotocolNotAcceptable;

    /// <summary>No <c>connection_init</c> arrived within the configured time.</summary>
    public const int ConnectionInitialisationTimeout = GraphQLTransportWsCloseCodes.ConnectionInitialisationTimeout;

    /// <summary>A <c>subscribe</c> reused the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = GraphQLTransportWsCloseCodes.SubscriberAlreadyExists;

    /// <summary>A second <c>connection_init</c> arrived.</summary>
    public const int TooManyInitialisationRequests = GraphQLTransportWsCloseCodes.TooManyInitialisationRequests;

    /// <summary>Something failed on the server; the details are logged, never sent.</summary>
    public const int InternalServerError = GraphQLTransportWsCloseCodes.InternalServerError;
}
