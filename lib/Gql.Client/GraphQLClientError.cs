using System.Text.Json;

namespace Gql.Client;

/// <summary>A line and column in the GraphQL document an error refers to.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct GraphQLErrorLocation(int Line, int Column);

/// <summary>
/// An error of a GraphQL result: one the server reported in <c>errors</c>, or one the client made for a transport
/// failure (codes in <see cref="ClientErrorCodes"/>).
/// </summary>
public sealed class GraphQLClientError
{
    /// <summary>Creates an error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="code">The error code (<c>extensions.code</c>), or null.</param>
    /// <param name="path">The response path: strings for fields, ints for list indexes.</param>
    /// <param name="locations">Locations in the document.</param>
    /// <param name="extensions">The raw <c>extensions</c> object, or null.</param>
    /// <param name="exception">The client-side exception behind the error, if any.</param>
    public GraphQLClientError(
        string message,
        string? code = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyList<GraphQLErrorLocation>? locations = null,
        IReadOnlyDictionary<string, JsonElement>? extensions = null,
        Exception? exception = null)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Code = code;
        Path = path;
        Locations = locations;
        Extensions = extensions;
        Exception = exception;
    }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The error code: <c>extensions.code</c> from the server, or one of <see cref="ClientErrorCodes"/>.</summary>
    public string? Code { get; }

    /// <summary>The response path: strings for fields, ints for list indexes; null when not about a field.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Locations in the document, or null.</summary>
    public IReadOnlyList<GraphQLErrorLocation>? Locations { get; }

    /// <summary>The <c>extensions</c> object's members, or null.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extensions { get; }

    /// <summary>The client-side exception behind the error (network, deserialization), if any.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}";

    /// <summary>Reads one entry of a response's <c>errors</c> array.</summary>
    /// <param name="element">The error object.</param>
    /// <returns>The error.</returns>
    public static GraphQLClientError FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new GraphQLClientError("The server returned an error that is not an object: " + element.GetRawText(), ClientErrorCodes.InvalidResponse);
        }

        var message = element.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        List<object>? path = null;
        if (element.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            path = [];
            foreach (var segment in p.EnumerateArray())
            {
                path.Add(segment.ValueKind == JsonValueKind.Number && segment.TryGetInt32(out var index) ? index : segment.ToString());
            }
        }

        List<GraphQLErrorLocation>? locations = null;
        if (element.TryGetProperty("locations", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            locations = [];
            foreach (var location in l.EnumerateArray())
            {
                if (location.ValueKind == JsonValueKind.Object
                    && location.TryGetProperty("line", out var line) && line.TryGetInt32(out var lineValue)
                    && location.TryGetProperty("column", out var column) && column.TryGetInt32(out var columnValue))
                {
                    locations.Add(new GraphQLErrorLocation(lineValue, columnValue));
                }
            }
        }

        Dictionary<string, JsonElement>? extensions = null;
        string? code = null;
        if (element.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in e.EnumerateObject())
            {
                extensions[property.Name] = property.Value.Clone();
            }

            if (extensions.TryGetValue("code", out var c) && c.ValueKind == JsonValueKind.String)
            {
                code = c.GetString();
            }
        }

        return new GraphQLClientError(message, code, path, locations, extensions);
    }
}

/// <summary>Codes of the errors the client itself reports.</summary>
public static class ClientErrorCodes
{
    /// <summary>The server answered with a non-success HTTP status and no GraphQL response.</summary>
    public const string HttpError = "HTTP_ERROR";

    /// <summary>The server could not be reached, the connection broke or the request timed out.</summary>
    public const string NetworkError = "NETWORK_ERROR";

    /// <summary>The response was not a GraphQL response (not JSON, or neither <c>data</c> nor <c>errors</c>).</summary>
    public const string InvalidResponse = "INVALID_RESPONSE";

    /// <summary>The response's <c>data</c> does not fit the generated result types.</summary>
    public const string DeserializationError = "DESERIALIZATION_ERROR";

    /// <summary>The client's <see cref="IGraphQLCredentialsProvider"/> failed, so the request was not sent.</summary>
    public const string CredentialsUnavailable = "CREDENTIALS_UNAVAILABLE";
}
