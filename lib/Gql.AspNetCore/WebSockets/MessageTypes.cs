using Gql.Transport;

namespace Gql.AspNetCore.WebSockets;

/// <summary>The <c>type</c> values of <c>graphql-transport-ws</c> messages and the subprotocol's name.</summary>
internal static class MessageTypes
{
    public const string SubProtocol = GraphQLTransportWsMessageTypes.SubProtocol;

    public const string ConnectionInit = GraphQLTransportWsMessageTypes.ConnectionInit;
    public const string ConnectionAck = GraphQLTransportWsMessageTypes.ConnectionAck;
    public const string Ping = GraphQLTransportWsMessageTypes.Ping;
    public const string Pong = GraphQLTransportWsMessageTypes.Pong;
    public const string Subscribe = GraphQLTransportWsMessageTypes.Subscribe;
    public const string Next = GraphQLTransportWsMessageTypes.Next;
    public const string Error = GraphQLTransportWsMessageTypes.Error;
    public const string Complete = GraphQLTransportWsMessageTypes.Complete;
}
