namespace Gql.Client.WebSockets;

/// <summary>
/// Sends subscriptions over one transport and queries and mutations over another, e.g. WebSocket for subscriptions
/// and HTTP for the rest. Routes by <see cref="GraphQLOperationRequest.Kind"/>, for both methods. Disposes neither
/// transport: whoever made them (usually the service provider) owns them.
/// </summary>
/// <param name="queriesAndMutations">The transport of queries and mutations.</param>
/// <param name="subscriptions">The transport of subscriptions.</param>
public sealed class SplitGraphQLTransport(IGraphQLTransport queriesAndMutations, IGraphQLTransport subscriptions) : IGraphQLTransport
{
    private readonly IGraphQLTransport queriesAndMutations = queriesAndMutations ?? throw new ArgumentNullException(nameof(queriesAndMutations));
    private readonly IGraphQLTransport subscriptions = subscriptions ?? throw new ArgumentNullException(nameof(subscriptions));

    /// <inheritdoc />
    public Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken) =>
        Route(request).ExecuteAsync(request, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, CancellationToken cancellationToken) =>
        Route(request).SubscribeAsync(request, cancellationToken);

    private IGraphQLTransport Route(GraphQLOperationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind == OperationKind.Subscription ? subscriptions : queriesAndMutations;
    }
}
