using System.Security.Claims;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// One operation started by a <c>subscribe</c> message: runs it through the executor in a DI scope of its own and sends
/// a <c>next</c> per result, then <c>complete</c>; or a single <c>error</c> when the request fails before execution.
/// </summary>
internal sealed partial class WebSocketOperation : IDisposable
{
    private readonly GraphQLRequest request;
    private readonly CancellationTokenSource cancel;

    public WebSocketOperation(string id, GraphQLRequest request, CancellationToken sessionStopping)
    {
        Id = id;
        this.request = request;
        cancel = CancellationTokenSource.CreateLinkedTokenSource(sessionStopping);
    }

    public string Id { get; }

    /// <summary>Stops the operation without another message: the client completed it, or the socket is closing.</summary>
    public void Cancel()
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished already.
        }
    }

    public void Dispose() => cancel.Dispose();

    /// <summary>Runs the operation to its end; never throws.</summary>
    public async Task RunAsync(IRequestExecutor executor, IServiceScopeFactory scopes, ClaimsPrincipal? user, MessageSender sender, ILogger logger)
    {
        var token = cancel.Token;
        try
        {
            // A scope per operation: concurrent operations on one socket must not share scoped services (a DbContext).
            // It is disposed before "complete" goes out, so that a completed operation has let go of everything.
            await using (var scope = scopes.CreateAsyncScope())
            {
                var context = new RequestContext
                {
                    Services = scope.ServiceProvider,
                    User = user,
                    AllowMutations = true,
                    AllowSubscriptions = true,
                    Transport = "WebSocket",
                };

                await foreach (var result in executor.SubscribeAsync(request, context, token))
                {
                    if (result.RequestError is not null)
                    {
                        // Failed before execution (syntax, validation, variables): "error" ends the operation, no "complete".
                        await SendAsync(sender, buffer => ServerMessages.Error(buffer, Id, result.Errors ?? []), token);
                        return;
                    }

                    await SendAsync(sender, buffer => ServerMessages.Next(buffer, Id, result), token);
                }
            }

            await SendAsync(sender, buffer => ServerMessages.Complete(buffer, Id), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client or ended with the socket: nothing more is sent.
        }
        catch (GraphQLException e)
        {
            // The event source ended the operation with a reason the client may read (its queue overflowed).
            await SendAsync(sender, buffer => ServerMessages.Error(buffer, Id, e.Errors), token);
        }
        catch (Exception e)
        {
            // A failing event source or a result that cannot be written: the details stay in the log.
            LogOperationFailed(logger, e, Id);
            try
            {
                await SendAsync(sender, buffer => ServerMessages.Error(buffer, Id, [new GraphQLError("Unexpected Execution Error", ErrorCodes.Unexpected)]), token);
            }
            catch (Exception inner)
            {
                LogOperationFailed(logger, inner, Id);
            }
        }
    }

    private static async ValueTask SendAsync(MessageSender sender, Action<PooledBufferWriter> write, CancellationToken skipWhenCancelled)
    {
        // Serialized before taking the socket's turn, so that a large result does not hold up the other operations.
        using var buffer = new PooledBufferWriter();
        write(buffer);
        await sender.SendAsync(buffer.WrittenMemory, skipWhenCancelled);
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "GraphQL WebSocket operation {OperationId} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string operationId);
}
