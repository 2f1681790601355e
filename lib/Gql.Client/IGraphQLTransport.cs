using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Gql.Client;

/// <summary>
/// Moves GraphQL requests to a server and responses back: HTTP today; WebSocket and in-process transports implement the
/// same contract. Transport failures are returned as a <see cref="GraphQLResponse"/> with <see cref="GraphQLResponse.TransportErrors"/>,
/// never thrown; only cancellation throws (<see cref="OperationCanceledException"/>).
/// </summary>
public interface IGraphQLTransport
{
    /// <summary>Executes a query or mutation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; the caller disposes it.</returns>
    Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken);

    /// <summary>Runs a subscription (or any operation with incremental results): one response per event.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The responses; the caller disposes each.</returns>
    IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, CancellationToken cancellationToken);
}

/// <summary>One raw GraphQL response (a parsed JSON document), or the transport failure that stands for it.</summary>
public sealed class GraphQLResponse : IDisposable
{
    /// <summary>Wraps a parsed response document.</summary>
    /// <param name="document">The response JSON; owned (disposed) by this object.</param>
    /// <param name="statusCode">The HTTP status, when the transport has one.</param>
    public GraphQLResponse(JsonDocument document, int? statusCode = null)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        StatusCode = statusCode;
        TransportErrors = [];
    }

    private GraphQLResponse(GraphQLClientError error, int? statusCode)
    {
        StatusCode = statusCode;
        TransportErrors = [error];
    }

    /// <summary>The response document, or null after a transport failure.</summary>
    public JsonDocument? Document { get; }

    /// <summary>The HTTP status, when the transport has one.</summary>
    public int? StatusCode { get; }

    /// <summary>Errors of the transport itself (see <see cref="ClientErrorCodes"/>).</summary>
    public IReadOnlyList<GraphQLClientError> TransportErrors { get; }

    /// <summary>A response standing for a transport failure.</summary>
    /// <param name="error">The error.</param>
    /// <param name="statusCode">The HTTP status, if any.</param>
    /// <returns>The response.</returns>
    public static GraphQLResponse FromError(GraphQLClientError error, int? statusCode = null) =>
        new(error ?? throw new ArgumentNullException(nameof(error)), statusCode);

    /// <summary>Parses UTF-8 JSON as a response.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="statusCode">The HTTP status, if any.</param>
    /// <returns>The response.</returns>
    public static GraphQLResponse Parse(ReadOnlyMemory<byte> utf8Json, int? statusCode = null) =>
        new(JsonDocument.Parse(utf8Json), statusCode);

    /// <inheritdoc />
    public void Dispose() => Document?.Dispose();
}

/// <summary>Runs generated operations over a transport; called by generated code.</summary>
public static class OperationExecutor
{
    /// <summary>Executes a request and reads the typed result.</summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="request">The request.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public static Task<IOperationResult<TData>> ExecuteAsync<TData>(IGraphQLTransport transport, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class =>
        ExecuteAsync(transport, null, request, readData, cancellationToken);

    /// <summary>
    /// Executes a request and reads the typed result; the entity ids in a mutation's data are published to
    /// <paramref name="entityChanges"/>, so watched queries holding those entities re-fetch.
    /// </summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="entityChanges">The client's entity changes, or null to publish nothing.</param>
    /// <param name="request">The request.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public static async Task<IOperationResult<TData>> ExecuteAsync<TData>(IGraphQLTransport transport, GraphQLEntityChanges? entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(request);
        using var response = await transport.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

        // Before reading: the mutation has happened on the server even when its data does not fit the result types.
        if (request.Kind == OperationKind.Mutation)
        {
            entityChanges?.PublishFrom(response);
        }

        // Query results keep their data's JSON (IOperationResult.DataJson), so a page can hand them on as they came.
        return OperationResultFactory.Create(response, readData, keepDataJson: request.Kind == OperationKind.Query);
    }

    /// <summary>Runs a subscription and reads each event's typed result.</summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="request">The request.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The results.</returns>
    public static IAsyncEnumerable<IOperationResult<TData>> Watch<TData>(IGraphQLTransport transport, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class =>
        Watch(transport, null, request, readData, cancellationToken);

    /// <summary>
    /// Runs a subscription and reads each event's typed result; the entity ids in each event's data are published to
    /// <paramref name="entityChanges"/> before the event is yielded.
    /// </summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="entityChanges">The client's entity changes, or null to publish nothing.</param>
    /// <param name="request">The request.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The results.</returns>
    public static IAsyncEnumerable<IOperationResult<TData>> Watch<TData>(IGraphQLTransport transport, GraphQLEntityChanges? entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(request);
        return Subscribe(transport, entityChanges, request, readData, cancellationToken);
    }

    /// <summary>
    /// Runs a query as a watched query: yields its result, then re-executes it and yields the new result whenever
    /// <paramref name="entityChanges"/> learns that an entity of the latest result changed (or is invalidated), after
    /// the quiet period that coalesces bursts. A failed execution is yielded as a result with errors and the watch goes
    /// on; the stream ends only when <paramref name="cancellationToken"/> is cancelled
    /// (<see cref="OperationCanceledException"/>) or the caller stops enumerating.
    /// </summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="entityChanges">The client's entity changes.</param>
    /// <param name="request">The query.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The results.</returns>
    public static IAsyncEnumerable<IOperationResult<TData>> WatchQuery<TData>(IGraphQLTransport transport, GraphQLEntityChanges entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(entityChanges);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readData);
        if (request.Kind != OperationKind.Query)
        {
            throw new ArgumentException($"Only queries can be watched; {request.OperationName} is a {request.Kind}.", nameof(request));
        }

        return WatchQueryCore(transport, entityChanges, request, readData, null, cancellationToken);
    }

    /// <summary>
    /// Runs a query as a watched query that starts from a result the caller already holds (one read back from kept JSON,
    /// say, after Blazor prerendering): yields <paramref name="current"/> without asking the server, then goes on as
    /// <see cref="WatchQuery{TData}(IGraphQLTransport, GraphQLEntityChanges, GraphQLOperationRequest, Func{JsonElement, TData}, CancellationToken)"/>
    /// does. The entities it waits for are those in <paramref name="current"/>'s <see cref="IOperationResult{TData}.DataJson"/>;
    /// without that JSON, or when <paramref name="current"/> has errors, any change makes it re-fetch.
    /// </summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="entityChanges">The client's entity changes.</param>
    /// <param name="request">The query.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="current">The result to start from (yielded first).</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The results.</returns>
    public static IAsyncEnumerable<IOperationResult<TData>> WatchQuery<TData>(IGraphQLTransport transport, GraphQLEntityChanges entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, IOperationResult<TData> current, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(entityChanges);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readData);
        ArgumentNullException.ThrowIfNull(current);
        if (request.Kind != OperationKind.Query)
        {
            throw new ArgumentException($"Only queries can be watched; {request.OperationName} is a {request.Kind}.", nameof(request));
        }

        return WatchQueryCore(transport, entityChanges, request, readData, current, cancellationToken);
    }

    private static async IAsyncEnumerable<IOperationResult<TData>> Subscribe<TData>(IGraphQLTransport transport, GraphQLEntityChanges? entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TData : class
    {
        await foreach (var response in transport.SubscribeAsync(request, cancellationToken).ConfigureAwait(false))
        {
            using (response)
            {
                entityChanges?.PublishFrom(response);
                yield return OperationResultFactory.Create(response, readData);
            }
        }
    }

    private static async IAsyncEnumerable<IOperationResult<TData>> WatchQueryCore<TData>(IGraphQLTransport transport, GraphQLEntityChanges entityChanges, GraphQLOperationRequest request, Func<JsonElement, TData> readData, IOperationResult<TData>? current, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TData : class
    {
        using var watch = entityChanges.Watch();
        if (current is not null)
        {
            // Registered before the caller sees the result: a change published from now on is not missed.
            watch.BeginFetch();
            watch.EndFetch(current.DataJson is { } json ? GraphQLEntityChanges.FindEntityIds(json) : null, complete: current.Errors.Count == 0);
            yield return current;
            await watch.WaitForChangeAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            yield return await FetchAsync(transport, watch, request, readData, cancellationToken).ConfigureAwait(false);
            await watch.WaitForChangeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IOperationResult<TData>> FetchAsync<TData>(IGraphQLTransport transport, GraphQLEntityChanges.EntityWatch watch, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class
    {
        watch.BeginFetch();
        HashSet<string>? ids = null;
        IOperationResult<TData> result;
        try
        {
            using var response = await transport.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            ids = GraphQLEntityChanges.FindEntityIds(response);
            result = OperationResultFactory.Create(response, readData, keepDataJson: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Transports report failures as responses; one that throws must not end a watch a page relies on.
            result = new OperationResult<TData>(null, [new GraphQLClientError("The transport failed: " + e.Message, ClientErrorCodes.NetworkError, exception: e)]);
        }

        watch.EndFetch(ids, complete: result.Errors.Count == 0);
        return result;
    }
}
