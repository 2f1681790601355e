using System.Text.Json;

namespace Gql.Client;

/// <summary>The typed result of one GraphQL operation: data and errors, never an exception for GraphQL or transport errors.</summary>
/// <typeparam name="TData">The generated result type.</typeparam>
public interface IOperationResult<out TData>
    where TData : class
{
    /// <summary>The data, or null when the server returned none (request error, transport failure, null root).</summary>
    TData? Data { get; }

    /// <summary>The errors: the server's <c>errors</c> and client-side failures (see <see cref="ClientErrorCodes"/>).</summary>
    IReadOnlyList<GraphQLClientError> Errors { get; }

    /// <summary>The response's <c>extensions</c> members, empty when there are none.</summary>
    IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    /// <summary>True when there is data and no error.</summary>
    bool IsSuccess { get; }

    /// <summary>
    /// The <c>data</c> object as the server sent it, kept for query results so that a result can be persisted (e.g.
    /// across Blazor prerendering) and read back with <see cref="OperationResultFactory.FromData{TData}"/>; null for
    /// mutations, subscription events and results without data.
    /// </summary>
    JsonElement? DataJson => null;
}

/// <summary>The default <see cref="IOperationResult{TData}"/>.</summary>
/// <typeparam name="TData">The generated result type.</typeparam>
public sealed class OperationResult<TData> : IOperationResult<TData>
    where TData : class
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoExtensions = new Dictionary<string, JsonElement>();

    /// <summary>Creates a result.</summary>
    /// <param name="data">The data.</param>
    /// <param name="errors">The errors.</param>
    /// <param name="extensions">The extensions.</param>
    /// <param name="dataJson">The <c>data</c> JSON the result was read from, when it is kept (a clone that outlives the response).</param>
    public OperationResult(TData? data, IReadOnlyList<GraphQLClientError>? errors = null, IReadOnlyDictionary<string, JsonElement>? extensions = null, JsonElement? dataJson = null)
    {
        Data = data;
        Errors = errors ?? [];
        Extensions = extensions ?? NoExtensions;
        DataJson = dataJson;
    }

    /// <inheritdoc />
    public TData? Data { get; }

    /// <inheritdoc />
    public IReadOnlyList<GraphQLClientError> Errors { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    /// <inheritdoc />
    public bool IsSuccess => Data is not null && Errors.Count == 0;

    /// <inheritdoc />
    public JsonElement? DataJson { get; }
}

/// <summary>Thrown by <see cref="OperationResultExtensions.EnsureNoErrors{TData}"/>.</summary>
public sealed class GraphQLClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors.</param>
    public GraphQLClientException(IReadOnlyList<GraphQLClientError> errors)
        : base(errors.Count == 0 ? "The operation returned no data." : string.Join(Environment.NewLine, errors.Select(e => e.ToString())), errors.FirstOrDefault(e => e.Exception is not null)?.Exception)
    {
        Errors = errors;
    }

    /// <summary>The errors.</summary>
    public IReadOnlyList<GraphQLClientError> Errors { get; }
}

/// <summary>Helpers for results.</summary>
public static class OperationResultExtensions
{
    /// <summary>Throws <see cref="GraphQLClientException"/> unless the result has data and no errors.</summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="result">The result.</param>
    /// <returns>The data.</returns>
    public static TData EnsureNoErrors<TData>(this IOperationResult<TData> result)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors.Count > 0 || result.Data is null)
        {
            throw new GraphQLClientException(result.Errors);
        }

        return result.Data;
    }
}

/// <summary>Turns transport responses into typed results; called by generated code.</summary>
public static class OperationResultFactory
{
    /// <summary>Builds the typed result of a response.</summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="response">The transport's response.</param>
    /// <param name="readData">Reads the <c>data</c> object (generated, no reflection).</param>
    /// <returns>The result.</returns>
    public static IOperationResult<TData> Create<TData>(GraphQLResponse response, Func<JsonElement, TData> readData)
        where TData : class =>
        Create(response, readData, keepDataJson: false);

    /// <summary>
    /// A successful result read from <c>data</c> JSON kept earlier (<see cref="IOperationResult{TData}.DataJson"/>, e.g.
    /// persisted by a prerendered page), with that JSON kept again; the server is not asked.
    /// </summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="data">The <c>data</c> object.</param>
    /// <param name="readData">The operation's generated reader (<c>XResultReader.Read</c>).</param>
    /// <returns>The result; a result with a <see cref="ClientErrorCodes.DeserializationError"/> when the JSON does not fit.</returns>
    public static IOperationResult<TData> FromData<TData>(JsonElement data, Func<JsonElement, TData> readData)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(readData);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return new OperationResult<TData>(null, [new GraphQLClientError("The kept data is not a JSON object.", ClientErrorCodes.DeserializationError)]);
        }

        try
        {
            var kept = data.Clone();
            return new OperationResult<TData>(readData(kept), dataJson: kept);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or OverflowException or ArgumentException)
        {
            return new OperationResult<TData>(null, [new GraphQLClientError("The kept data does not match the operation's result type: " + e.Message, ClientErrorCodes.DeserializationError, exception: e)]);
        }
    }

    /// <summary>Builds the typed result of a response, keeping a copy of its <c>data</c> JSON when asked (query results).</summary>
    internal static IOperationResult<TData> Create<TData>(GraphQLResponse response, Func<JsonElement, TData> readData, bool keepDataJson)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(readData);
        if (response.Document is null)
        {
            return new OperationResult<TData>(null, response.TransportErrors);
        }

        var root = response.Document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new OperationResult<TData>(null, [new GraphQLClientError("The response is not a JSON object.", ClientErrorCodes.InvalidResponse)]);
        }

        var errors = new List<GraphQLClientError>();
        var hasErrors = root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind != JsonValueKind.Null;
        var hasData = root.TryGetProperty("data", out var dataElement);
        if (!hasData && !hasErrors)
        {
            errors.Add(new GraphQLClientError("The response has neither data nor errors.", ClientErrorCodes.InvalidResponse));
        }

        if (hasErrors)
        {
            if (errorsElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errorsElement.EnumerateArray())
                {
                    errors.Add(GraphQLClientError.FromJson(error));
                }
            }
            else
            {
                errors.Add(new GraphQLClientError("The response's errors member is not a list.", ClientErrorCodes.InvalidResponse));
            }
        }

        TData? data = null;
        JsonElement? dataJson = null;
        if (hasData && dataElement.ValueKind == JsonValueKind.Object)
        {
            try
            {
                data = readData(dataElement);

                // A copy: the response's document is disposed once the result is read.
                dataJson = keepDataJson ? dataElement.Clone() : null;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or OverflowException or ArgumentException)
            {
                errors.Add(new GraphQLClientError("The response data does not match the operation's result type: " + e.Message, ClientErrorCodes.DeserializationError, exception: e));
            }
        }
        else if (hasData && dataElement.ValueKind != JsonValueKind.Null)
        {
            errors.Add(new GraphQLClientError("The response's data member is not an object.", ClientErrorCodes.InvalidResponse));
        }

        Dictionary<string, JsonElement>? extensions = null;
        if (root.TryGetProperty("extensions", out var extensionsElement) && extensionsElement.ValueKind == JsonValueKind.Object)
        {
            extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in extensionsElement.EnumerateObject())
            {
                extensions[property.Name] = property.Value.Clone();
            }
        }

        errors.AddRange(response.TransportErrors);
        return new OperationResult<TData>(data, errors, extensions, dataJson);
    }
}
