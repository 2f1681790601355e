using System.Buffers;
using System.Text.Json;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Json;

namespace Gql.AspNetCore.WebSockets;

/// <summary>Writes the server-to-client messages of <c>graphql-transport-ws</c> as UTF-8 JSON.</summary>
internal static class ServerMessages
{
    public static void ConnectionAck(IBufferWriter<byte> output, IReadOnlyDictionary<string, object?>? payload) =>
        Write(output, MessageTypes.ConnectionAck, null, payload);

    public static void Ping(IBufferWriter<byte> output) => Write(output, MessageTypes.Ping, null, null);

    public static void Pong(IBufferWriter<byte> output, IReadOnlyDictionary<string, object?>? payload) =>
        Write(output, MessageTypes.Pong, null, payload);

    public static void Complete(IBufferWriter<byte> output, string id) => Write(output, MessageTypes.Complete, id, null);

    public static void Next(IBufferWriter<byte> output, string id, ExecutionResult result)
    {
        using var writer = new Utf8JsonWriter(output, GraphQLJson.WriterOptions);
        Start(writer, MessageTypes.Next, id);
        writer.WritePropertyName("payload"u8);
        GraphQLJson.WriteResult(writer, result);
        writer.WriteEndObject();
    }

    /// <summary>An <c>error</c> message: the payload is the array of errors, as the protocol requires.</summary>
    public static void Error(IBufferWriter<byte> output, string id, IReadOnlyList<GraphQLError> errors)
    {
        using var writer = new Utf8JsonWriter(output, GraphQLJson.WriterOptions);
        Start(writer, MessageTypes.Error, id);
        writer.WritePropertyName("payload"u8);
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            GraphQLJson.WriteError(writer, error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Write(IBufferWriter<byte> output, string type, string? id, IReadOnlyDictionary<string, object?>? payload)
    {
        using var writer = new Utf8JsonWriter(output, GraphQLJson.WriterOptions);
        Start(writer, type, id);

        // The protocol makes payloads optional: absent rather than null when there is none.
        if (payload is not null)
        {
            writer.WritePropertyName("payload"u8);
            GraphQLJson.WriteValue(writer, payload);
        }

        writer.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter writer, string type, string? id)
    {
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteString("type"u8, type);
    }
}
