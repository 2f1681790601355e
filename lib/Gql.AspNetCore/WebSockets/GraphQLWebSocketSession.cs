using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using Gql.Server;
using Gql.Server.Execution;
using Gql.Server.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// One accepted socket speaking <c>graphql-transport-ws</c>: reads messages one at a time, enforces the protocol's
/// rules (init timeout, single init, ack before subscribe, unique operation ids, message shapes) with its close codes,
/// and runs operations concurrently. When the socket closes, for whatever reason, every operation is stopped.
/// </summary>
internal sealed partial class GraphQLWebSocketSession : IDisposable
{
    /// <summary>How long a client gets to answer the server's close frame before the connection is cut.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the end of a session waits for its operations to stop.</summary>
    private static readonly TimeSpan OperationStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest single wait for a connection's credentials to expire.</summary>
    private static readonly TimeSpan MaxExpiryStep = TimeSpan.FromDays(1);

    private readonly WebSocket socket;
    private readonly HttpContext context;
    private readonly GraphQLWebSocketOptions options;
    private readonly long maxMessageSize;
    private readonly IRequestExecutor executor;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger logger;
    private readonly MessageSender sender;

    // abort gives up the connection (client gone, or deaf to our close frame); stopping ends the session's work.
    private readonly CancellationTokenSource abort;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource initWait = new();
    private readonly ConcurrentDictionary<string, WebSocketOperation> operations = new(StringComparer.Ordinal);
    private readonly List<Task> running = [];
    private int initReceived;
    private long lastReceived = Environment.TickCount64;
    private bool acknowledged;
    private ClaimsPrincipal? user;

    public GraphQLWebSocketSession(WebSocket socket, HttpContext context, GraphQLHttpOptions options, IRequestExecutor executor, ILogger logger)
    {
        this.socket = socket;
        this.context = context;
        this.options = options.WebSockets;
        maxMessageSize = options.MaxRequestBodySize;
        this.executor = executor;
        this.logger = logger;
        scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
        abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        sender = new MessageSender(socket, abort.Token, this.options.SendTimeout);
    }

    /// <summary>Serves the socket until it is closed.</summary>
    /// <param name="applicationStopping">Closes the socket with 1001 (going away) when the application stops.</param>
    public async Task RunAsync(CancellationToken applicationStopping)
    {
        using var stopRegistration = applicationStopping.Register(static state => ((GraphQLWebSocketSession)state!).BeginClose((int)WebSocketCloseStatus.EndpointUnavailable, "Going away"), this);
        if (socket.SubProtocol != MessageTypes.SubProtocol)
        {
            // The handshake succeeded without a subprotocol; the protocol says to close right away.
            await CloseAsync(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
        }
        else
        {
            Track(CloseUnlessInitialisedAsync());
        }

        WebSocketCloseStatus? clientClose = null;
        try
        {
            clientClose = await ReceiveLoopAsync();
        }
        catch (Exception e) when (e is WebSocketException or IOException || (e is OperationCanceledException && abort.IsCancellationRequested))
        {
            // The client went away without a close handshake, or did not answer ours in time, or did not read (send timeout).
            if (sender.TimedOut)
            {
                LogSlowConsumer(logger);
            }
        }
        catch (Exception e)
        {
            LogSessionFailed(logger, e);
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            await StopAsync(clientClose);
        }
    }

    /// <summary>The close code when a user already holds the most sockets allowed.</summary>
    public const int TooManySockets = 4429;

    /// <summary>The close code when the client sent nothing, not even a pong, within the keep-alive timeout.</summary>
    public const int KeepAliveTimedOut = 4504;

    /// <summary>Counts the signed-in users' sockets on the endpoint; null when there is no per-user limit.</summary>
    public SocketOwners? Owners { get; init; }

    private string? claimedBy;

    public void Dispose()
    {
        if (claimedBy is not null)
        {
            Owners?.Release(claimedBy);
            claimedBy = null;
        }

        abort.Dispose();
        stopping.Dispose();
        initWait.Dispose();
    }

    /// <summary>Reads messages until the client's close frame arrives; returns its status.</summary>
    private async Task<WebSocketCloseStatus?> ReceiveLoopAsync()
    {
        while (true)
        {
            using var message = new PooledBufferWriter();
            var tooBig = false;
            ValueWebSocketReceiveResult frame;
            do
            {
                // One byte past the limit is enough to know it is exceeded; the rest of an oversized message is dropped.
                var room = tooBig ? 4096 : (int)Math.Min(maxMessageSize - message.WrittenCount + 1, 16 * 1024);
                var memory = message.GetMemory(room)[..room];
                frame = await socket.ReceiveAsync(memory, abort.Token);
                Volatile.Write(ref lastReceived, Environment.TickCount64);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    return socket.CloseStatus;
                }

                if (!tooBig)
                {
                    message.Advance(frame.Count);
                    tooBig = message.WrittenCount > maxMessageSize;
                }
            }
            while (!frame.EndOfMessage);

            if (tooBig)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big");
            }

            if (sender.IsClosing)
            {
                // Waiting for the client's close frame: whatever else arrives is dropped.
                continue;
            }

            ClientMessage parsed;
            try
            {
                parsed = ClientMessage.Parse(message.WrittenSpan);
            }
            catch (InvalidMessageException e)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, e.Message);
                continue;
            }

            await HandleAsync(parsed);
        }
    }

    private ValueTask HandleAsync(ClientMessage message) => message.Type switch
    {
        MessageTypes.ConnectionInit => OnConnectionInitAsync(message.Payload),
        MessageTypes.Ping => SendAsync(buffer => ServerMessages.Pong(buffer, message.Payload)),
        MessageTypes.Subscribe => OnSubscribeAsync(message.Id!, message.Request!),
        MessageTypes.Complete => OnComplete(message.Id!),

        // Pong: an answer to our keep-alive, or a client's heartbeat; nothing to do.
        _ => ValueTask.CompletedTask,
    };

    private async ValueTask OnConnectionInitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        initWait.Cancel();
        WebSocketConnectResult result;
        try
        {
            var interceptor = context.RequestServices.GetService<IGraphQLWebSocketInterceptor>();
            result = interceptor is null ? WebSocketConnectResult.Accept() : await interceptor.OnConnectAsync(context, payload, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            LogInterceptorFailed(logger, e);
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        if (!result.IsAccepted || result.ExpiresAt <= clock.GetUtcNow())
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, result.RejectReason ?? "Forbidden");
            return;
        }

        var signedIn = result.User ?? context.User;
        if (Owners is not null && signedIn.Identity is { IsAuthenticated: true, Name: { } name })
        {
            if (!Owners.TryClaim(name))
            {
                await CloseAsync(TooManySockets, "Too many sockets for this user");
                return;
            }

            claimedBy = name;
        }

        user = signedIn;
        acknowledged = true;
        await SendAsync(buffer => ServerMessages.ConnectionAck(buffer, result.AckPayload));
        if (options.KeepAliveInterval is { } interval && interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan)
        {
            Track(KeepAliveAsync(interval));
        }

        if (result.ExpiresAt is { } expiresAt)
        {
            Track(CloseWhenExpiredAsync(expiresAt, clock));
        }
    }

    /// <summary>Closes the socket with 4403 when the connection's credentials expire, so the client reconnects with fresh ones.</summary>
    private async Task CloseWhenExpiredAsync(DateTimeOffset expiresAt, TimeProvider clock)
    {
        try
        {
            // In steps: a delay has an upper limit (about 49 days), and the clock may be a test's.
            TimeSpan left;
            while ((left = expiresAt - clock.GetUtcNow()) > TimeSpan.Zero)
            {
                await Task.Delay(left < MaxExpiryStep ? left : MaxExpiryStep, clock, stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
    }

    private async ValueTask OnSubscribeAsync(string id, GraphQLRequest request)
    {
        if (!acknowledged)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (operations.Count >= options.MaxOperationsPerSocket && !operations.ContainsKey(id))
        {
            // Each operation holds a scope and a topic queue: a client cannot open them without bound on one socket.
            using var refusal = new PooledBufferWriter();
            ServerMessages.Error(refusal, id, [new GraphQLError($"This socket already runs {operations.Count} operations, the limit.", "MAX_OPERATIONS_PER_SOCKET_EXCEEDED")
                .WithExtension("limit", options.MaxOperationsPerSocket)]);
            await sender.SendAsync(refusal.WrittenMemory);
            return;
        }

        var operation = new WebSocketOperation(id, request, stopping.Token);
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        // On the thread pool: a long synchronous resolver must not hold up this socket's pings and other messages.
        Track(Task.Run(() => RunOperationAsync(operation)));
    }

    private ValueTask OnComplete(string id)
    {
        // Unknown ids are operations that ended already; the protocol says to ignore them.
        if (operations.TryRemove(id, out var operation))
        {
            operation.Cancel();
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunOperationAsync(WebSocketOperation operation)
    {
        try
        {
            await operation.RunAsync(executor, scopes, user, sender, logger);
        }
        finally
        {
            // Only this operation's entry: after a client's "complete" the id may belong to a new operation already.
            operations.TryRemove(KeyValuePair.Create(operation.Id, operation));
            operation.Dispose();
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, initWait.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref initReceived) == 0)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            var silenceLimit = options.KeepAliveTimeout is { } grace ? (long)(interval + grace).TotalMilliseconds : long.MaxValue;
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                if (Environment.TickCount64 - Volatile.Read(ref lastReceived) > silenceLimit)
                {
                    LogKeepAliveTimedOut(logger);
                    await CloseAsync(KeepAliveTimedOut, "Keep-alive timeout");
                    return;
                }

                await SendAsync(ServerMessages.Ping);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    private async ValueTask SendAsync(Action<PooledBufferWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        write(buffer);
        await sender.SendAsync(buffer.WrittenMemory);
    }

    private void BeginClose(int code, string reason) => Track(CloseAsync(code, reason).AsTask());

    /// <summary>
    /// Sends the close frame and stops every operation; the receive loop then waits for the client's close frame, and
    /// gives up on the connection if it does not come in time.
    /// </summary>
    private async ValueTask CloseAsync(int code, string reason)
    {
        if (await sender.CloseAsync(code, reason))
        {
            CancelQuietly(stopping);
            try
            {
                abort.CancelAfter(CloseHandshakeTimeout);
            }
            catch (ObjectDisposedException)
            {
                // The session is over.
            }
        }
    }

    private async Task StopAsync(WebSocketCloseStatus? clientClose)
    {
        CancelQuietly(initWait);
        CancelQuietly(stopping);
        foreach (var operation in operations.Values)
        {
            operation.Cancel();
        }

        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(OperationStopTimeout);
        }
        catch (TimeoutException)
        {
            LogOperationsDidNotStop(logger, pending.Count(t => !t.IsCompleted));
        }

        if (clientClose is { } status && socket.State == WebSocketState.CloseReceived)
        {
            // The client started the close handshake: answer it with its own code.
            await sender.CloseAsync((int)status, string.Empty);
        }
        else if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            socket.Abort();
        }
    }

    private void Track(Task task)
    {
        lock (running)
        {
            running.RemoveAll(static t => t.IsCompleted);
            running.Add(task);
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session is over.
        }
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "GraphQL WebSocket session failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The GraphQL WebSocket interceptor failed; the connection is closed")]
    private static partial void LogInterceptorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "A GraphQL WebSocket client sent nothing within the keep-alive timeout; its socket is closed")]
    private static partial void LogKeepAliveTimedOut(ILogger logger);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "A GraphQL WebSocket client did not read its messages within the send timeout; its socket is cut")]
    private static partial void LogSlowConsumer(ILogger logger);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "{Count} GraphQL WebSocket operations did not stop when their socket closed")]
    private static partial void LogOperationsDidNotStop(ILogger logger, int count);
}
