using System.Text;
using System.Text.Json;

namespace Gql.Client;

/// <summary>The kind of a GraphQL operation.</summary>
public enum OperationKind
{
    /// <summary>A query.</summary>
    Query,

    /// <summary>A mutation.</summary>
    Mutation,

    /// <summary>A subscription.</summary>
    Subscription,
}

/// <summary>Something that writes itself as one JSON value, without reflection.</summary>
public interface IJsonWritable
{
    /// <summary>Writes the value.</summary>
    /// <param name="writer">The writer.</param>
    void WriteTo(Utf8JsonWriter writer);
}

/// <summary>An <see cref="IJsonWritable"/> backed by a delegate.</summary>
/// <param name="write">Writes the value.</param>
public sealed class JsonWritable(Action<Utf8JsonWriter> write) : IJsonWritable
{
    /// <summary>
    /// Writer options of request bodies: minimal escaping (the JSON goes to a GraphQL server, never into HTML), so
    /// <c>+02:00</c> and non-ASCII names stay readable.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer) => write(writer);

    /// <summary>Writes a value to a JSON string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJsonString(IJsonWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWritable.WriterOptions))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}

/// <summary>One GraphQL request as a transport sends it: document text, operation name and variables.</summary>
public sealed class GraphQLOperationRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="query">The document text (the operation and the fragments it uses).</param>
    /// <param name="operationName">The operation to run.</param>
    /// <param name="kind">The operation kind.</param>
    /// <param name="variables">The variables as a JSON object, or null for none.</param>
    public GraphQLOperationRequest(string query, string? operationName, OperationKind kind = OperationKind.Query, IJsonWritable? variables = null)
    {
        Query = query ?? throw new ArgumentNullException(nameof(query));
        OperationName = operationName;
        Kind = kind;
        Variables = variables;
    }

    /// <summary>The document text.</summary>
    public string Query { get; }

    /// <summary>The name of the operation to run.</summary>
    public string? OperationName { get; }

    /// <summary>The operation kind.</summary>
    public OperationKind Kind { get; }

    /// <summary>The variables (a JSON object), or null.</summary>
    public IJsonWritable? Variables { get; }

    /// <summary>Request extensions (e.g. persisted query hashes), written as the <c>extensions</c> member; null for none.</summary>
    public IJsonWritable? Extensions { get; init; }

    /// <summary>Writes the GraphQL-over-HTTP request body: <c>{"query", "operationName", "variables", "extensions"}</c>.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("query", Query);
        if (OperationName is not null)
        {
            writer.WriteString("operationName", OperationName);
        }

        if (Variables is not null)
        {
            writer.WritePropertyName("variables");
            Variables.WriteTo(writer);
        }

        if (Extensions is not null)
        {
            writer.WritePropertyName("extensions");
            Extensions.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The request body as UTF-8 JSON.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToUtf8Json()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWritable.WriterOptions))
        {
            WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The variables as JSON text (<c>null</c> when there are none), for logging and tests.</summary>
    /// <returns>The JSON text.</returns>
    public string VariablesToJson() => Variables is null ? "null" : JsonWritable.ToJsonString(Variables);
}
