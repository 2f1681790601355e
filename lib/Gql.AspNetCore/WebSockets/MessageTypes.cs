namespace Gql.AspNetCore.WebSockets;

/// <summary>The <c>type</c> values of <c>graphql-transport-ws</c> messages and the subprotocol's name.</summary>
internal static class MessageTypes
{
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
