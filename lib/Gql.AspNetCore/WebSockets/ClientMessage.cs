using Gql.Server.Execution;
using Gql.Server.Json;

namespace Gql.AspNetCore.WebSockets;

/// <summary>A message from the client, checked against the shapes the protocol defines.</summary>
/// <param name="Type">One of the client-to-server <see cref="MessageTypes"/>.</param>
/// <param name="Id">The operation id of <c>subscribe</c> and <c>complete</c>.</param>
/// <param name="Payload">The payload of <c>connection_init</c>, <c>ping</c> and <c>pong</c>, when present.</param>
/// <param name="Request">The operation of <c>subscribe</c>.</param>
internal sealed record ClientMessage(string Type, string? Id, IReadOnlyDictionary<string, object?>? Payload, GraphQLRequest? Request)
{
    /// <summary>Parses one WebSocket message.</summary>
    /// <exception cref="InvalidMessageException">The message is not one the protocol defines (close with 4400).</exception>
    public static ClientMessage Parse(ReadOnlySpan<byte> utf8Json)
    {
        object? parsed;
        try
        {
            // Parsed into plain values first: the members may come in any order, and "type" decides what the rest means.
            parsed = GraphQLJson.ParseValue(utf8Json);
        }
        catch (GraphQLRequestException)
        {
            throw new InvalidMessageException("Invalid message received");
        }

        if (parsed is not IReadOnlyDictionary<string, object?> message)
        {
            throw new InvalidMessageException("Message is not an object");
        }

        if (!message.TryGetValue("type", out var typeValue) || typeValue is not string type)
        {
            throw new InvalidMessageException("Message is missing the 'type' property");
        }

        switch (type)
        {
            case MessageTypes.ConnectionInit:
            case MessageTypes.Ping:
            case MessageTypes.Pong:
                return new ClientMessage(type, null, OptionalPayload(message, type), null);
            case MessageTypes.Subscribe:
                return new ClientMessage(type, RequiredId(message, type), null, ReadRequest(message));
            case MessageTypes.Complete:
                return new ClientMessage(type, RequiredId(message, type), null, null);
            case MessageTypes.ConnectionAck:
            case MessageTypes.Next:
            case MessageTypes.Error:
                throw new InvalidMessageException($"Unexpected message of type {type} received");
            default:
                throw new InvalidMessageException("Invalid message type");
        }
    }

    private static IReadOnlyDictionary<string, object?>? OptionalPayload(IReadOnlyDictionary<string, object?> message, string type) =>
        message.GetValueOrDefault("payload") switch
        {
            null => null,
            IReadOnlyDictionary<string, object?> payload => payload,
            _ => throw new InvalidMessageException($"The '{type}' message expects the 'payload' property to be an object or nullish or missing"),
        };

    private static string RequiredId(IReadOnlyDictionary<string, object?> message, string type) =>
        message.GetValueOrDefault("id") is string { Length: > 0 } id
            ? id
            : throw new InvalidMessageException($"The '{type}' message expects the 'id' property to be a non-empty string");

    private static GraphQLRequest ReadRequest(IReadOnlyDictionary<string, object?> message)
    {
        if (message.GetValueOrDefault("payload") is not IReadOnlyDictionary<string, object?> payload)
        {
            throw new InvalidMessageException("The 'subscribe' message expects the 'payload' property to be an object");
        }

        if (payload.GetValueOrDefault("query") is not string query)
        {
            throw new InvalidMessageException("The 'subscribe' message payload expects the 'query' property to be a string");
        }

        return new GraphQLRequest(
            query,
            OptionalMember<string>(payload, "operationName", "a string"),
            OptionalMember<IReadOnlyDictionary<string, object?>>(payload, "variables", "an object"),
            OptionalMember<IReadOnlyDictionary<string, object?>>(payload, "extensions", "an object"));
    }

    private static T? OptionalMember<T>(IReadOnlyDictionary<string, object?> payload, string name, string what)
        where T : class =>
        payload.GetValueOrDefault(name) switch
        {
            null => null,
            T value => value,
            _ => throw new InvalidMessageException($"The 'subscribe' message payload expects the '{name}' property to be {what} or nullish or missing"),
        };
}

/// <summary>A client message the protocol does not define; the socket is closed with 4400 and the message as reason.</summary>
internal sealed class InvalidMessageException(string message) : Exception(message);
