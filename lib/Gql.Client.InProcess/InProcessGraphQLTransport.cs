using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Gql.Server.Execution;
using Gql.Server.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Client.InProcess;

/// <summary>
/// A client transport for an app that hosts the API itself (the Blazor UI): requests go straight to the engine's
/// <see cref="IRequestExecutor"/>, with no HTTP, sockets or loopback address. Each request gets its own service scope,
/// so DataLoaders and their caches live for one request, exactly as over HTTP. The result is written as the same JSON
/// an HTTP client would receive, so generated readers behave identically on both transports.
/// </summary>
public sealed class InProcessGraphQLTransport(IRequestExecutor executor, IServiceScopeFactory scopes, Func<CancellationToken, ValueTask<ClaimsPrincipal?>>? user = null) : IGraphQLTransport
{
    public async Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
    {
        var principal = user is null ? null : await user(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var result = await executor.ExecuteAsync(ToServerRequest(request), Context(scope.ServiceProvider, principal, subscriptions: false), cancellationToken);
        return ToResponse(result);
    }

    public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var principal = user is null ? null : await user(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await foreach (var result in executor.SubscribeAsync(ToServerRequest(request), Context(scope.ServiceProvider, principal, subscriptions: true), cancellationToken))
        {
            yield return ToResponse(result);
        }
    }

    private static RequestContext Context(IServiceProvider services, ClaimsPrincipal? user, bool subscriptions) =>
        new() { Services = services, User = user, AllowSubscriptions = subscriptions, Transport = "InProcess" };

    private static GraphQLRequest ToServerRequest(GraphQLOperationRequest request) => new(
        request.Query,
        request.OperationName,
        request.Variables is null ? null : GraphQLJson.ParseMap(request.VariablesToJson(), "variables"));

    private static GraphQLResponse ToResponse(ExecutionResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        GraphQLJson.WriteResult(buffer, result);
        return GraphQLResponse.Parse(buffer.WrittenMemory.ToArray());
    }
}

public static class InProcessGraphQLClientBuilderExtensions
{
    /// <summary>Sends the client's requests to the API hosted by this process.</summary>
    /// <param name="builder">The client.</param>
    /// <param name="user">
    /// Who the requests run as, from the client's scope (e.g. a Blazor circuit's authentication state): asked for each
    /// request, so a user who signs out or loses a role is seen at once. Null: anonymous.
    /// </param>
    /// <returns>The builder.</returns>
    public static IGraphQLClientBuilder UseInProcessTransport(this IGraphQLClientBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<ClaimsPrincipal?>>? user = null) =>
        builder.UseTransport(sp => new InProcessGraphQLTransport(
            sp.GetRequiredService<IRequestExecutor>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            user is null ? null : cancellationToken => user(sp, cancellationToken)));
}
