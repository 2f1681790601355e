using Gql.Server;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gql.AspNetCore.Sse;

/// <summary>
/// Answers one request with an event stream (GraphQL over SSE, distinct connections mode): every result of the
/// operation as a <c>next</c> event, then <c>complete</c>. Subscriptions stream until their source ends, the client
/// disconnects or the application stops.
/// </summary>
internal sealed partial class ServerSentEventsResponder(GraphQLServerSentEventsOptions options, ILogger logger)
{
    /// <summary>
    /// Runs the request and streams its results. A request that fails before execution is not streamed but handed back
    /// when the client also accepts a JSON response, or when it is a mutation over GET, so that it gets the normal GraphQL
    /// over HTTP error response and status code; a client that accepts only <c>text/event-stream</c> gets the errors
    /// as a <c>next</c> event, as the GraphQL over SSE protocol asks.
    /// </summary>
    /// <returns>The failed result to answer as JSON, or null when the response was streamed.</returns>
    public async Task<ExecutionResult?> RespondAsync(HttpContext context, IRequestExecutor executor, GraphQLRequest request, RequestContext requestContext, bool acceptsJson, CancellationToken applicationStopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, applicationStopping);
        var token = stop.Token;
        var results = executor.SubscribeAsync(request, requestContext, token).GetAsyncEnumerator(token);
        EventStreamWriter? writer = null;
        Task<bool>? pending = null;
        try
        {
            // The engine reports request errors (syntax, validation, variables, operation type) before it awaits
            // anything, so they are known here before a byte of the stream is written.
            var first = results.MoveNextAsync();
            bool? firstKnown = null;
            if (first.IsCompleted)
            {
                firstKnown = first.Result;
                if (firstKnown == true && results.Current.RequestError is { } kind && (acceptsJson || kind == RequestErrorKind.OperationNotAllowed))
                {
                    return results.Current;
                }
            }

            writer = new EventStreamWriter(context.Response, token);
            await writer.StartAsync();
            var more = firstKnown ?? await WaitAsync(pending = first.AsTask(), writer, token);
            while (more)
            {
                await writer.WriteNextAsync(results.Current);
                var next = results.MoveNextAsync();
                more = next.IsCompleted ? next.Result : await WaitAsync(pending = next.AsTask(), writer, token);
            }

            await writer.WriteCompleteAsync();
            return null;
        }
        catch (OperationCanceledException) when (applicationStopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // The application stops: the response ends without "complete", so the client can tell it from a finished stream.
            return null;
        }
        catch (Exception e) when (writer is not null && !token.IsCancellationRequested)
        {
            // A failing event source mid-stream: the client learns that the stream failed, the details stay in the log.
            LogStreamFailed(logger, e);
            await writer.WriteNextAsync(new ExecutionResult { Errors = [new GraphQLError("Unexpected Execution Error", ErrorCodes.Unexpected)] });
            await writer.WriteCompleteAsync();
            return null;
        }
        finally
        {
            if (pending is { IsCompleted: false })
            {
                // An async iterator cannot be disposed while it is moving; cancelling ends the move.
                await stop.CancelAsync();
                await pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            await results.DisposeAsync();
        }
    }

    /// <summary>Waits for the next result, writing a keep-alive comment whenever the configured interval passes without one.</summary>
    private async Task<bool> WaitAsync(Task<bool> next, EventStreamWriter writer, CancellationToken token)
    {
        if (options.KeepAliveInterval is not { } interval || interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return await next;
        }

        while (true)
        {
            try
            {
                return await next.WaitAsync(interval, token);
            }
            catch (TimeoutException) when (!next.IsCompleted)
            {
                await writer.WriteKeepAliveAsync();
            }
        }
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A GraphQL event stream failed")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
