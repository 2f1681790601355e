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
    public static async Task<IOperationResult<TData>> ExecuteAsync<TData>(IGraphQLTransport transport, GraphQLOperationRequest request, Func<JsonElement, TData> readData, CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        using var response = await transport.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        return OperationResultFactory.Create(response, readData);
    }

    /// <summary>Runs a subscription and reads each event's typed result.</summary>
    /// <typeparam name="TData">The result type.</typeparam>
    /// <param name="transport">The transport.</param>
    /// <param name="request">The request.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The results.</returns>
    public static async IAsyncEnumerable<IOperationResult<TData>> Watch<TData>(IGraphQLTransport transport, GraphQLOperationRequest request, Func<JsonElement, TData> readData, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(transport);
        await foreach (var response in transport.SubscribeAsync(request, cancellationToken).ConfigureAwait(false))
        {
            using (response)
            {
                yield return OperationResultFactory.Create(response, readData);
            }
        }
    }
}
