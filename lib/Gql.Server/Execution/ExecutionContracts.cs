using System.Security.Claims;

namespace Gql.Server.Execution;

/// <summary>A GraphQL request as the transports receive it.</summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>Why a request failed before execution started; transports map these to HTTP status codes.</summary>
public enum RequestErrorKind
{
    /// <summary>The document does not parse.</summary>
    Syntax,

    /// <summary>The document does not validate against the schema, or breaks a limit (depth, cost, size).</summary>
    Validation,

    /// <summary>No operation with the given name, or several operations and no name.</summary>
    OperationNotFound,

    /// <summary>Variables could not be coerced.</summary>
    Variables,

    /// <summary>The operation type is not allowed on this transport (a mutation over GET).</summary>
    OperationNotAllowed,

    /// <summary>The request itself is malformed (no query, bad JSON shape).</summary>
    BadRequest,
}

/// <summary>The outcome of a request: <c>data</c> (absent when it failed before execution), errors and extensions.</summary>
public sealed class ExecutionResult
{
    public bool HasData { get; init; }

    /// <summary>The response data: a <see cref="ResultMap"/>, or null when a non-null root field failed.</summary>
    public ResultMap? Data { get; init; }

    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Set when the request failed before execution.</summary>
    public RequestErrorKind? RequestError { get; init; }

    public static ExecutionResult Failed(RequestErrorKind kind, params IReadOnlyList<GraphQLError> errors) =>
        new() { RequestError = kind, Errors = errors };
}

/// <summary>Who is asking and with which services; one per request.</summary>
public sealed class RequestContext
{
    public required IServiceProvider Services { get; init; }

    public ClaimsPrincipal? User { get; init; }

    /// <summary>False on transports that must not change state (HTTP GET): mutations are refused.</summary>
    public bool AllowMutations { get; init; } = true;

    /// <summary>False where only a single result can be returned (plain HTTP POST/GET): subscriptions are refused.</summary>
    public bool AllowSubscriptions { get; init; } = true;

    /// <summary>How the request arrived (<c>HTTP</c>, <c>SSE</c>, <c>WebSocket</c>, <c>InProcess</c>), for logs and audits.</summary>
    public string? Transport { get; init; }

    public Dictionary<string, object?> Data { get; } = [];

    /// <summary>A copy of this context that resolves services from <paramref name="services"/> (same user, rules and data).</summary>
    /// <param name="services">The services, usually a narrower scope.</param>
    /// <returns>The copy.</returns>
    public RequestContext WithServices(IServiceProvider services)
    {
        var copy = new RequestContext { Services = services, User = User, AllowMutations = AllowMutations, AllowSubscriptions = AllowSubscriptions, Transport = Transport };
        foreach (var (key, value) in Data)
        {
            copy.Data[key] = value;
        }

        return copy;
    }
}

/// <summary>An ordered map of response keys to values: the shape of every object in <c>data</c>.</summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly List<KeyValuePair<string, object?>> entries;

    public ResultMap(int capacity = 4) => entries = new List<KeyValuePair<string, object?>>(capacity);

    public int Count => entries.Count;

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public IEnumerable<object?> Values => entries.Select(e => e.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public void Add(string key, object? value) => entries.Add(new KeyValuePair<string, object?>(key, value));

    internal void Set(int index, object? value) => entries[index] = new KeyValuePair<string, object?>(entries[index].Key, value);

    /// <summary>The entries in order, for writers that should not box an enumerator per object.</summary>
    internal ReadOnlySpan<KeyValuePair<string, object?>> Entries => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);

    public bool ContainsKey(string key) => entries.Exists(e => e.Key == key);

    public bool TryGetValue(string key, out object? value)
    {
        foreach (var entry in entries)
        {
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Executes requests against one schema: parse (cached), validate (cached), coerce, execute.</summary>
public interface IRequestExecutor
{
    Schema Schema { get; }

    /// <summary>Runs a query or mutation. Never throws for client errors: they come back as <see cref="ExecutionResult.Errors"/>.</summary>
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a subscription: the stream yields one result per event. Requests that fail before execution, or that
    /// are queries and mutations, give a stream of exactly one result.
    /// </summary>
    IAsyncEnumerable<ExecutionResult> SubscribeAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken = default);
}
