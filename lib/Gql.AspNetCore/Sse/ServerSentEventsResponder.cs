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
        var owner = requestContext.User?.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "address:" + context.Connection.RemoteIpAddress;
        var open = streams.AddOrUpdate(owner, 1, static (_, count) => count + 1);
        try
        {
            if (open > options.MaxStreamsPerUser)
            {
                GraphQLHttpContextItems.SetStatusCode(context, StatusCodes.Status429TooManyRequests);
                return ExecutionResult.Failed(RequestErrorKind.BadRequest, new GraphQLError($"You already have {open - 1} event streams open, the limit.", "MAX_STREAMS_EXCEEDED")
                    .WithExtension("limit", options.MaxStreamsPerUser));
            }

            return await RespondCountedAsync(context, executor, request, requestContext, acceptsJson, applicationStopping);
        }
        finally
        {
            if (streams.AddOrUpdate(owner, 0, static (_, count) => count - 1) <= 0)
            {
                streams.TryRemove(KeyValuePair.Create(owner, 0));
            }
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> streams = new(StringComparer.Ordinal);

    private async Task<ExecutionResult?> RespondCountedAsync(HttpContext context, IRequestExecutor executor, GraphQLRequest request, RequestContext requestContext, bool acceptsJson, CancellationToken applicationStopping)
    {
        using var expiry = new CancellationTokenSource();
        if (options.MaxDuration is { } maxDuration && maxDuration > TimeSpan.Zero && maxDuration != Timeout.InfiniteTimeSpan)
        {
            expiry.CancelAfter(maxDuration);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, applicationStopping, expiry.Token);
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
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && writer is not null && !applicationStopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // Open for the longest time allowed: the client learns why and may reconnect (and be authorised afresh).
            await new EventStreamWriter(context.Response, context.RequestAborted).WriteNextAsync(new ExecutionResult
            {
                Errors = [new GraphQLError("The event stream was open for the longest time allowed; reconnect to go on.", "STREAM_DURATION_EXCEEDED")],
            });
            await new EventStreamWriter(context.Response, context.RequestAborted).WriteCompleteAsync();
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
