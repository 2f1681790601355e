using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gql.Server.Execution;

namespace Gql.Server.Json;

public static partial class GraphQLJson
{
    /// <summary>
    /// The writer settings for responses: compact, and escaping only what JSON requires, so that messages read
    /// <c>\"name\"</c> rather than <c>\u0022name\u0022</c> and accents stay as they are. Responses are served as JSON,
    /// never inlined into HTML, so HTML-sensitive characters need no escaping.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    /// <summary>
    /// Writes a GraphQL response: <c>errors</c> first when present (the GraphQL spec recommends it, so that errors are
    /// seen first), then <c>data</c> unless the request failed before execution, then <c>extensions</c>.
    /// </summary>
    public static void WriteResult(IBufferWriter<byte> output, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);

        // Reusing one writer per thread saves its allocation on every response; Reset detaches the output again.
        var writer = cachedWriter ??= new Utf8JsonWriter(Stream.Null, WriterOptions);
        writer.Reset(output);
        try
        {
            WriteResult(writer, result);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }
    }

    /// <summary>Serializes a GraphQL response into a buffer, then copies it to the stream.</summary>
    public static async Task WriteResultAsync(Stream output, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter();
        WriteResult(buffer, result);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serializes a GraphQL response to UTF-8 bytes.</summary>
    public static byte[] SerializeResult(ExecutionResult result)
    {
        using var buffer = new PooledBufferWriter();
        WriteResult(buffer, result);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a GraphQL response object with the given writer (see <see cref="WriteResult(IBufferWriter{byte}, ExecutionResult)"/>).</summary>
    public static void WriteResult(Utf8JsonWriter writer, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (result.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            foreach (var error in errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (result.HasData)
        {
            writer.WritePropertyName("data"u8);
            WriteValue(writer, result.Data);
        }

        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteMap(writer, extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one error: <c>message</c>, then <c>locations</c>, <c>path</c> and <c>extensions</c> when present.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("message"u8, error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations"u8);
            writer.WriteStartArray();
            foreach (var (line, column) in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, line);
                writer.WriteNumber("column"u8, column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path"u8);
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                WriteValue(writer, segment);
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteMap(writer, extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a result value: <see cref="ResultMap"/> and other string-keyed dictionaries as objects, lists as arrays,
    /// and JSON primitives. Common .NET values that the executor does not produce but extensions may carry (GUIDs,
    /// dates, enums, smaller integer types) are written as their JSON form; anything else is refused rather than
    /// guessed at.
    /// </summary>
    /// <exception cref="NotSupportedException">The value has no JSON representation.</exception>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
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
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case ResultMap map:
                // The response's objects: written from their entries, without an enumerator per object.
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteOther(writer, value);
                break;
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in map)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item);
        }

        writer.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            // JSON has no NaN or Infinity; result coercion must have rejected them before.
            throw new NotSupportedException("NaN and Infinity cannot be written as JSON numbers.");
        }

        writer.WriteNumberValue(value);
    }

    private static void WriteOther(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case float f:
                WriteDouble(writer, f);
                break;
            case short or byte or sbyte or ushort:
                writer.WriteNumberValue(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case uint u:
                writer.WriteNumberValue(u);
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case char c:
                writer.WriteStringValue(c.ToString());
                break;
            case Guid g:
                writer.WriteStringValue(g);
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                break;
            case DateTime dt:
                writer.WriteStringValue(dt);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteMap(writer, map);
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
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"A value of type {value.GetType().FullName} cannot be written as JSON.");
        }
    }
}
