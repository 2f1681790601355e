using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gql.Transport;

namespace Gql.Client.WebSockets;

/// <summary>Writes the client's <c>graphql-transport-ws</c> messages as UTF-8 JSON, without reflection.</summary>
internal static class GraphQLTransportWsMessages
{
    public static readonly byte[] Ping = Encoding.UTF8.GetBytes("""{"type":"ping"}""");

    public static readonly byte[] Pong = Encoding.UTF8.GetBytes("""{"type":"pong"}""");

    public static byte[] ConnectionInit(IReadOnlyDictionary<string, object?>? payload) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", GraphQLTransportWsMessageTypes.ConnectionInit);
        if (payload is not null)
        {
            writer.WritePropertyName("payload");
            WriteValue(writer, payload);
        }

        writer.WriteEndObject();
    });

    public static byte[] Subscribe(string id, GraphQLOperationRequest request) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", GraphQLTransportWsMessageTypes.Subscribe);
        writer.WritePropertyName("payload");
        request.WriteTo(writer);
        writer.WriteEndObject();
    });

    public static byte[] Complete(string id) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", GraphQLTransportWsMessageTypes.Complete);
        writer.WriteEndObject();
    });

    /// <summary>Detached JSON values for <see cref="GraphQLClientError.Extensions"/>.</summary>
    public static Dictionary<string, JsonElement> Extensions(params (string Name, object? Value)[] members)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                map[name] = value;
            }
        }

        using var document = JsonDocument.Parse(Write(writer => WriteValue(writer, map)));
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            extensions[property.Name] = property.Value.Clone();
        }

        return extensions;
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonWritable.WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case float or double:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case Guid g:
                writer.WriteStringValue(g);
                break;
            case DateTimeOffset d:
                writer.WriteStringValue(d);
                break;
            case DateTime d:
                writer.WriteStringValue(d);
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonDocument document:
                document.WriteTo(writer);
                break;
            case IJsonWritable writable:
                writable.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException(
                    $"A {value.GetType()} cannot be written to a connection_init payload; use strings, numbers, booleans, dictionaries, lists, JsonElement or IJsonWritable.");
        }
    }
}
