using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Gql.Transport;

namespace Gql.Client.WebSockets;

/// <summary>
/// GraphQL over WebSocket with the <c>graphql-transport-ws</c> protocol: one shared connection, opened on first use,
/// carries every operation (subscriptions, and queries and mutations as single-result subscriptions).
/// </summary>
/// <remarks>
/// <para>
/// Connecting sends <c>connection_init</c> with the payload of <see cref="WebSocketTransportOptions.ConnectionInitPayload"/>
/// and waits for <c>connection_ack</c>. A failed attempt is retried with the backoff of
/// <see cref="WebSocketTransportOptions.Reconnect"/>; when the retries run out, every waiting operation gets
/// <see cref="WebSocketErrorCodes.ConnectionFailed"/> (or <see cref="WebSocketErrorCodes.AckTimeout"/>). A close with a
/// terminal code (<see cref="GraphQLTransportWsCloseCodes.IsTerminal"/>) is not retried: every operation gets
/// <see cref="WebSocketErrorCodes.Forbidden"/> (4403) or <see cref="WebSocketErrorCodes.ConnectionClosed"/>. The next
/// operation after such a failure connects afresh.
/// </para>
/// <para>
/// With <see cref="WebSocketTransportOptions.Credentials"/>, <c>connection_init</c> carries
/// <c>"authorization": "Bearer &lt;token&gt;"</c> and 4403 is not final at once: whether the server refused the token at
/// <c>connection_init</c> or closed an established connection when its token expired, the transport gets a fresh token
/// (<c>forceRefresh: true</c>) and connects again right away, then subscribes the active operations again as after a
/// drop. A 4403 for the fresh token (at <c>connection_init</c>, or within a second of its ack) is final:
/// <see cref="WebSocketErrorCodes.Forbidden"/> with the extension <c>credentialsRefreshed: true</c>.
/// </para>
/// <para>
/// When an established connection drops unexpectedly, the transport reconnects with the same backoff while operations
/// are active, and then subscribes them again under their ids. A re-subscribed subscription starts over on the server:
/// events published during the gap are lost, and a stream with a beginning (a countdown) begins again. Queries in
/// flight are sent again; a mutation in flight gets <see cref="WebSocketErrorCodes.ConnectionLost"/> instead, since it
/// may already have run. A connection with no operations stays open until the transport is disposed, and is not
/// re-opened after a drop until the next operation.
/// </para>
/// <para>
/// Thread-safe: any number of callers may run operations at once. One writer at a time uses the socket; one receive
/// loop dispatches messages to per-operation buffers (unbounded: the server sets the pace). Failures are results, never
/// exceptions; only cancellation throws. Disposing completes every active subscription (the streams end) and closes
/// the socket with 1000.
/// </para>
/// </remarks>
public sealed class WebSocketGraphQLTransport : IGraphQLTransport, IAsyncDisposable
{
    /// <summary>The WebSocket subprotocol: <c>graphql-transport-ws</c>.</summary>
    public const string SubProtocol = GraphQLTransportWsMessageTypes.SubProtocol;

    /// <summary>The <c>connection_init</c> payload key of the access token: <c>authorization</c>.</summary>
    public const string AuthorizationKey = "authorization";

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A connection made with a freshly refreshed token that the server closes with 4403 sooner than this after its
    /// ack counts as a refusal of the fresh token, not as an expiry, so the transport does not reconnect in a loop.
    /// </summary>
    private static readonly long MinimumCredentialLifetimeMs = 1000;

    private readonly WebSocketTransportOptions options;
    private readonly Uri endpoint;
    private readonly ConcurrentDictionary<string, Operation> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource disposal = new();
    private readonly Lock gate = new();

    // Guarded by gate.
    private Connection? current;
    private Task? connecting;
    private bool disposed;

    private long lastOperationId;
    private long lastGeneration;

    // 1 after a 4403 with credentials: the next connection attempt asks for a fresh token.
    private int refreshCredentials;

    /// <summary>Creates a transport; nothing connects before the first operation.</summary>
    /// <param name="options">The options, validated now; do not change them afterwards.</param>
    public WebSocketGraphQLTransport(WebSocketTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        endpoint = options.GetEndpoint();
    }

    /// <summary>Creates a transport for an endpoint with default options.</summary>
    /// <param name="uri">The endpoint, e.g. <c>ws://localhost:5391/graphql</c>.</param>
    public WebSocketGraphQLTransport(Uri uri)
        : this(new WebSocketTransportOptions { Uri = uri ?? throw new ArgumentNullException(nameof(uri)) })
    {
    }

    /// <inheritdoc />
    public async Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var operation = Start(request, singleResult: true);
        try
        {
            while (await operation.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation.Reader.TryRead(out var response))
                {
                    return response;
                }
            }

            return GraphQLResponse.FromError(new GraphQLClientError("The server completed the operation without sending a result.", ClientErrorCodes.InvalidResponse));
        }
        finally
        {
            await StopAsync(operation).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var operation = Start(request, singleResult: false);
        try
        {
            while (await operation.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (operation.Reader.TryRead(out var response))
                {
                    yield return response;
                }
            }
        }
        finally
        {
            // Runs when the stream ends, the consumer stops enumerating or cancels: tells the server to stop too.
            await StopAsync(operation).ConfigureAwait(false);
        }
    }

    /// <summary>Completes every active operation, closes the connection (1000) and stops reconnecting.</summary>
    /// <returns>A task that completes when the socket is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        Connection? connection;
        Task? pendingConnect;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            connection = current;
            current = null;
            pendingConnect = connecting;
        }

        await disposal.CancelAsync().ConfigureAwait(false);
        if (pendingConnect is not null)
        {
            await pendingConnect.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (connection is not null)
        {
            connection.ClosedByClient = true;
            foreach (var operation in operations.Values)
            {
                await SendCompleteAsync(connection, operation).ConfigureAwait(false);
            }
        }

        var error = Error("The WebSocket transport was disposed.", WebSocketErrorCodes.Disposed);
        foreach (var operation in operations.Values)
        {
            // Streams end as if completed; a pending query or mutation has no result to end with.
            operation.Finish(operation.SingleResult ? GraphQLResponse.FromError(error) : null, byServer: false);
        }

        if (connection is not null)
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Normal Closure", CloseTimeout).ConfigureAwait(false);
        }

        disposal.Dispose();
    }

    private Operation Start(GraphQLOperationRequest request, bool singleResult)
    {
        var id = Interlocked.Increment(ref lastOperationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var operation = new Operation(id, request, singleResult);

        // Registered before the state is read, so a connection established meanwhile either sees the operation or is seen by it.
        operations[id] = operation;
        Connection? connection;
        lock (gate)
        {
            if (disposed)
            {
                operation.Finish(GraphQLResponse.FromError(Error("The WebSocket transport was disposed.", WebSocketErrorCodes.Disposed)), byServer: false);
                return operation;
            }

            connection = current;
            if (connection is null && connecting is null)
            {
                connecting = Task.Run(() => ConnectAsync(drop: null));
            }
        }

        if (connection is not null)
        {
            _ = SendSubscribeAsync(connection, operation);
        }

        return operation;
    }

    private async Task StopAsync(Operation operation)
    {
        operation.Stopped = true;
        operations.TryRemove(operation.Id, out _);
        operation.Finish(null, byServer: false);
        while (operation.Reader.TryRead(out var unread))
        {
            unread.Dispose();
        }

        Connection? connection;
        lock (gate)
        {
            connection = current;
        }

        if (connection is not null)
        {
            await SendCompleteAsync(connection, operation).ConfigureAwait(false);
        }
    }

    private static Task SendSubscribeAsync(Connection connection, Operation operation)
    {
        if (operation.IsFinished || Interlocked.Exchange(ref operation.ClaimedGeneration, connection.Generation) == connection.Generation)
        {
            return Task.CompletedTask;
        }

        // Checked again under the send lock: the consumer may stop, or a drop fail the operation, before it is this one's turn.
        return connection.SendAsync(operation.SubscribeMessage, () =>
        {
            if (operation.Stopped || operation.IsFinished)
            {
                return false;
            }

            Volatile.Write(ref operation.SentGeneration, connection.Generation);
            return true;
        });
    }

    private static Task SendCompleteAsync(Connection connection, Operation operation) =>
        connection.SendAsync(
            GraphQLTransportWsMessages.Complete(operation.Id),
            () => Volatile.Read(ref operation.SentGeneration) == connection.Generation && !operation.ServerDone);

    /// <summary>
    /// Connects, retrying per the policy, while some operation waits; then subscribes every active operation.
    /// After a drop (<paramref name="drop"/>), the drop counts as the first failure.
    /// </summary>
    private async Task ConnectAsync(ConnectFailure? drop)
    {
        var policy = options.Reconnect;
        var failure = drop;
        var failures = drop is null ? 0 : 1;
        var attempts = 0;
        var forceRefresh = false;
        while (true)
        {
            if (failures > 0)
            {
                if (policy.MaxRetries is { } max && failures > max)
                {
                    GiveUp(failure!, attempts);
                    return;
                }

                try
                {
                    await Task.Delay(policy.GetDelay(failures, Random.Shared.NextDouble()), disposal.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                if (!HasActiveOperations())
                {
                    // Nobody waits any more; the next operation starts connecting again.
                    connecting = null;
                    return;
                }
            }

            attempts++;
            var refreshing = forceRefresh | (Interlocked.Exchange(ref refreshCredentials, 0) == 1);
            forceRefresh = false;
            (var connection, failure) = await OpenAsync(refreshing).ConfigureAwait(false);
            if (connection is not null)
            {
                var established = false;
                var stopped = false;
                lock (gate)
                {
                    stopped = disposed;
                    if (!disposed && !connection.Closed)
                    {
                        connection.Established = true;
                        connection.CredentialsRefreshed = refreshing;
                        connection.EstablishedAt = Environment.TickCount64;
                        current = connection;
                        connecting = null;
                        established = true;
                    }
                }

                if (established)
                {
                    if (options.KeepAliveInterval is { } interval)
                    {
                        _ = KeepAliveAsync(connection, interval, options.KeepAliveTimeout);
                    }

                    foreach (var operation in operations.Values)
                    {
                        _ = SendSubscribeAsync(connection, operation);
                    }

                    return;
                }

                if (stopped)
                {
                    connection.ClosedByClient = true;
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Normal Closure", CloseTimeout).ConfigureAwait(false);
                    return;
                }

                // Closed between the ack and now: the close tells why.
                failure = FailureOf(connection.EndInfo ?? new CloseInfo(null, "The connection closed.", null));
            }

            if (failure!.Refused && options.Credentials is not null)
            {
                if (!refreshing)
                {
                    // The token was refused: a fresh one is worth one more attempt, right away.
                    forceRefresh = true;
                    continue;
                }

                failure = RefusedAfterRefresh(failure);
            }

            failures++;
            if (failure!.Terminal)
            {
                GiveUp(failure, attempts);
                return;
            }
        }
    }

    /// <summary>Fails every waiting operation with the last failure and leaves the transport idle.</summary>
    private void GiveUp(ConnectFailure failure, int attempts)
    {
        var error = failure.Terminal ? failure.Error : Exhausted(failure.Error, attempts);
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            connecting = null;
            foreach (var operation in operations.Values)
            {
                operation.Finish(GraphQLResponse.FromError(error), byServer: false);
            }
        }
    }

    private bool HasActiveOperations()
    {
        foreach (var operation in operations.Values)
        {
            if (!operation.IsFinished)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One attempt: open the socket, send <c>connection_init</c>, wait for <c>connection_ack</c>.</summary>
    private async Task<(Connection? Connection, ConnectFailure? Failure)> OpenAsync(bool refreshCredentials)
    {
        WebSocket socket;
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(disposal.Token))
        {
            connectTimeout.CancelAfter(options.ConnectTimeout);
            try
            {
                socket = options.ConnectWebSocket is { } connect
                    ? await connect(endpoint, connectTimeout.Token).ConfigureAwait(false)
                    : await ConnectClientWebSocketAsync(connectTimeout.Token).ConfigureAwait(false);
            }
            catch (HandshakeRejectedException e)
            {
                return (null, e.Failure);
            }
            catch (Exception e) when (!disposal.IsCancellationRequested)
            {
                var message = e is OperationCanceledException
                    ? $"Opening the WebSocket to {endpoint} timed out after {options.ConnectTimeout.TotalSeconds:0.###} s."
                    : $"The WebSocket to {endpoint} could not be opened: {e.Message}";
                return (null, new ConnectFailure(Error(message, WebSocketErrorCodes.ConnectionFailed, e), Terminal: false));
            }
            catch (Exception)
            {
                return (null, new ConnectFailure(Error("The WebSocket transport was disposed.", WebSocketErrorCodes.Disposed), Terminal: true));
            }
        }

        if (socket.SubProtocol != SubProtocol)
        {
            socket.Abort();
            socket.Dispose();
            return (null, new ConnectFailure(
                Error(
                    $"The server at {endpoint} did not accept the {SubProtocol} subprotocol.",
                    WebSocketErrorCodes.ConnectionClosed,
                    extensions: [("closeCode", GraphQLTransportWsCloseCodes.SubprotocolNotAcceptable)]),
                Terminal: true));
        }

        var connection = new Connection(Interlocked.Increment(ref lastGeneration), socket);
        connection.ReceiveLoop = Task.Run(() => ReceiveAsync(connection));
        try
        {
            var payload = options.ConnectionInitPayload is { } provider ? await provider(disposal.Token).ConfigureAwait(false) : null;
            if (options.Credentials is { } credentials)
            {
                payload = WithAuthorization(payload, await credentials.GetAccessTokenAsync(refreshCredentials, disposal.Token).ConfigureAwait(false));
            }

            await connection.SendAsync(GraphQLTransportWsMessages.ConnectionInit(payload)).ConfigureAwait(false);
            var closed = await connection.Acknowledged.Task.WaitAsync(options.AckTimeout, disposal.Token).ConfigureAwait(false);
            return closed is null ? (connection, null) : (null, FailureOf(closed));
        }
        catch (TimeoutException e)
        {
            connection.ClosedByClient = true;
            await connection.CloseAsync((WebSocketCloseStatus)GraphQLTransportWsCloseCodes.ConnectionAcknowledgementTimeout, "Connection acknowledgement timeout", CloseTimeout).ConfigureAwait(false);
            return (null, new ConnectFailure(
                Error($"The server at {endpoint} did not acknowledge the connection within {options.AckTimeout.TotalSeconds:0.###} s.", WebSocketErrorCodes.AckTimeout, e),
                Terminal: false));
        }
        catch (Exception e)
        {
            // The payload provider failed, or disposal: either way this socket is done.
            connection.ClosedByClient = true;
            connection.Abort(null);
            return disposal.IsCancellationRequested
                ? (null, new ConnectFailure(Error("The WebSocket transport was disposed.", WebSocketErrorCodes.Disposed), Terminal: true))
                : (null, new ConnectFailure(Error("The connection_init payload could not be made: " + e.Message, WebSocketErrorCodes.ConnectionFailed, e), Terminal: false));
        }
    }

    private static IReadOnlyDictionary<string, object?>? WithAuthorization(IReadOnlyDictionary<string, object?>? payload, string? token)
    {
        if (token is null)
        {
            return payload;
        }

        var merged = payload is null ? new Dictionary<string, object?>(1, StringComparer.Ordinal) : new Dictionary<string, object?>(payload, StringComparer.Ordinal);
        merged[AuthorizationKey] = "Bearer " + token;
        return merged;
    }

    private async Task<WebSocket> ConnectClientWebSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        options.ConfigureWebSocket?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException e) when (socket.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw new HandshakeRejectedException(new ConnectFailure(
                Error($"The server at {endpoint} refused the WebSocket upgrade with HTTP {status}.", WebSocketErrorCodes.Forbidden, e, [("statusCode", status)]),
                Terminal: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The one reader of a connection: dispatches each message until the socket closes or breaks.</summary>
    private async Task ReceiveAsync(Connection connection)
    {
        var socket = connection.Socket;
        var buffer = new ArrayBufferWriter<byte>(4096);
        CloseInfo info;
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), connection.Lifetime.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && buffer.WrittenCount <= options.MaxMessageBytes);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    info = new CloseInfo((int?)socket.CloseStatus, socket.CloseStatusDescription, null);
                    break;
                }

                if (buffer.WrittenCount > options.MaxMessageBytes)
                {
                    info = await CloseForViolationAsync(connection, WebSocketCloseStatus.MessageTooBig, $"A message exceeded {options.MaxMessageBytes} bytes.").ConfigureAwait(false);
                    break;
                }

                var violation = Dispatch(connection, buffer.WrittenMemory);
                if (violation is not null)
                {
                    info = await CloseForViolationAsync(connection, (WebSocketCloseStatus)GraphQLTransportWsCloseCodes.BadRequest, violation).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception e)
        {
            info = connection.AbortInfo ?? new CloseInfo(null, e.Message, e);
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            // Completes the close handshake the server started, echoing its code as RFC 6455 suggests.
            await connection.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        connection.Lifetime.Cancel();
        socket.Dispose();
        connection.EndInfo = info;
        connection.Acknowledged.TrySetResult(info);
        OnConnectionEnded(connection, info);
    }

    private static async Task<CloseInfo> CloseForViolationAsync(Connection connection, WebSocketCloseStatus status, string reason)
    {
        connection.ClosedByClient = true;
        await connection.CloseOutputAsync(status, TimeSpan.FromSeconds(1), reason).ConfigureAwait(false);
        return new CloseInfo((int)status, reason, null, ProtocolViolation: true);
    }

    /// <summary>Handles one server message; returns why it is invalid, or null.</summary>
    private string? Dispatch(Connection connection, ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return "Invalid message received: not JSON.";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return "Invalid message received: no type.";
            }

            var type = typeElement.GetString();
            switch (type)
            {
                case GraphQLTransportWsMessageTypes.ConnectionAck:
                    connection.Acknowledged.TrySetResult(null);
                    return null;
                case GraphQLTransportWsMessageTypes.Ping:
                    // Not awaited: the receive loop never waits for the socket's writer.
                    _ = connection.SendAsync(GraphQLTransportWsMessages.Pong);
                    return null;
                case GraphQLTransportWsMessageTypes.Pong:
                    Volatile.Write(ref connection.LastPongAt, Environment.TickCount64);
                    return null;
                case GraphQLTransportWsMessageTypes.Next or GraphQLTransportWsMessageTypes.Error or GraphQLTransportWsMessageTypes.Complete:
                    break;
                default:
                    return $"Invalid message received: unknown type '{type}'.";
            }

            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
            {
                return $"Invalid message received: '{type}' without an id.";
            }

            // A message for an operation the consumer already stopped is dropped.
            operations.TryGetValue(idElement.GetString()!, out var operation);
            switch (type)
            {
                case GraphQLTransportWsMessageTypes.Next:
                    if (!root.TryGetProperty("payload", out var result) || result.ValueKind != JsonValueKind.Object)
                    {
                        return "Invalid message received: 'next' without an object payload.";
                    }

                    operation?.Push(GraphQLResponse.Parse(JsonMarshal.GetRawUtf8Value(result).ToArray()));
                    return null;
                case "error":
                    if (!root.TryGetProperty("payload", out var errors) || errors.ValueKind != JsonValueKind.Array)
                    {
                        return "Invalid message received: 'error' without an array payload.";
                    }

                    operation?.Finish(GraphQLResponse.Parse(ErrorsDocument(JsonMarshal.GetRawUtf8Value(errors))), byServer: true);
                    return null;
                default:
                    operation?.Finish(null, byServer: true);
                    return null;
            }
        }
    }

    private static byte[] ErrorsDocument(ReadOnlySpan<byte> errors)
    {
        ReadOnlySpan<byte> prefix = """{"errors":"""u8;
        var bytes = new byte[prefix.Length + errors.Length + 1];
        prefix.CopyTo(bytes);
        errors.CopyTo(bytes.AsSpan(prefix.Length));
        bytes[^1] = (byte)'}';
        return bytes;
    }

    private void OnConnectionEnded(Connection connection, CloseInfo info)
    {
        lock (gate)
        {
            connection.Closed = true;
            if (!connection.Established)
            {
                // Still connecting: ConnectAsync reads the close from Acknowledged.
                return;
            }

            if (current == connection)
            {
                current = null;
            }

            if (disposed || (connection.ClosedByClient && !info.ProtocolViolation))
            {
                return;
            }

            var failure = FailureOf(info);
            var refresh = false;
            if (failure.Refused && options.Credentials is not null)
            {
                if (connection.CredentialsRefreshed && Environment.TickCount64 - connection.EstablishedAt < MinimumCredentialLifetimeMs)
                {
                    failure = RefusedAfterRefresh(failure);
                }
                else
                {
                    // The token expired (or was revoked) on an open connection: reconnect at once with a fresh one.
                    Volatile.Write(ref refreshCredentials, 1);
                    failure = failure with { Terminal = false };
                    refresh = true;
                }
            }

            if (failure.Terminal)
            {
                foreach (var operation in operations.Values)
                {
                    operation.Finish(GraphQLResponse.FromError(failure.Error), byServer: false);
                }

                return;
            }

            var lost = Error(
                "The WebSocket connection dropped while the mutation was in flight; it may or may not have run. " + failure.Error.Message,
                WebSocketErrorCodes.ConnectionLost,
                info.Exception,
                [("closeCode", info.Code), ("closeReason", info.Reason)]);
            foreach (var operation in operations.Values)
            {
                // A mutation not yet written to this socket is simply sent on the next one.
                if (operation.IsMutation && Volatile.Read(ref operation.SentGeneration) == connection.Generation)
                {
                    operation.Finish(GraphQLResponse.FromError(lost), byServer: false);
                }
            }

            if (connecting is null && HasActiveOperations())
            {
                // After a refused token the first attempt is not a retry: no backoff before it.
                var drop = refresh ? null : failure;
                connecting = Task.Run(() => ConnectAsync(drop));
            }
        }
    }

    private static async Task KeepAliveAsync(Connection connection, TimeSpan interval, TimeSpan timeout)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Lifetime.Token).ConfigureAwait(false))
            {
                var sentAt = Volatile.Read(ref connection.PingSentAt);
                if (sentAt != 0 && Volatile.Read(ref connection.LastPongAt) < sentAt)
                {
                    if (timeout != Timeout.InfiniteTimeSpan && Environment.TickCount64 - sentAt >= (long)timeout.TotalMilliseconds)
                    {
                        connection.Abort(new CloseInfo(null, $"No pong within {timeout.TotalSeconds:0.###} s of a keep-alive ping.", null));
                        return;
                    }

                    continue;
                }

                Volatile.Write(ref connection.PingSentAt, Environment.TickCount64);
                await connection.SendAsync(GraphQLTransportWsMessages.Ping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private ConnectFailure FailureOf(CloseInfo info)
    {
        var extensions = new (string, object?)[] { ("closeCode", info.Code), ("closeReason", info.Reason) };
        var reason = string.IsNullOrEmpty(info.Reason) ? string.Empty : $" ({info.Reason})";
        if (info.ProtocolViolation)
        {
            return new ConnectFailure(Error($"The server sent an invalid graphql-transport-ws message{reason}.", ClientErrorCodes.InvalidResponse, null, extensions), Terminal: true);
        }

        if (info.Code is { } code && GraphQLTransportWsCloseCodes.IsTerminal(code))
        {
            return code == GraphQLTransportWsCloseCodes.Forbidden
                ? new ConnectFailure(Error($"The server at {endpoint} refused the connection: close code {code}{reason}.", WebSocketErrorCodes.Forbidden, null, extensions), Terminal: true, Refused: true)
                : new ConnectFailure(Error($"The server at {endpoint} closed the connection: close code {code}{reason}.", WebSocketErrorCodes.ConnectionClosed, null, extensions), Terminal: true);
        }

        var what = info.Code is { } c ? $"closed with code {c}{reason}" : $"broke: {info.Reason}";
        return new ConnectFailure(Error($"The WebSocket connection to {endpoint} {what}.", WebSocketErrorCodes.ConnectionFailed, info.Exception, extensions), Terminal: false);
    }

    private static ConnectFailure RefusedAfterRefresh(ConnectFailure failure)
    {
        var extensions = new List<(string, object?)>();
        if (failure.Error.Extensions is not null)
        {
            foreach (var (name, value) in failure.Error.Extensions)
            {
                extensions.Add((name, value));
            }
        }

        extensions.Add(("credentialsRefreshed", true));
        var error = Error(failure.Error.Message + " A freshly refreshed access token was refused too.", WebSocketErrorCodes.Forbidden, failure.Error.Exception, [.. extensions]);
        return new ConnectFailure(error, Terminal: true, Refused: true);
    }

    private static GraphQLClientError Exhausted(GraphQLClientError last, int attempts)
    {
        var extensions = new List<(string, object?)> { ("attempts", attempts) };
        if (last.Extensions is not null)
        {
            foreach (var (name, value) in last.Extensions)
            {
                extensions.Add((name, value));
            }
        }

        var message = attempts == 0
            ? last.Message + " Reconnecting is disabled."
            : $"{last.Message} Gave up after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}.";
        return Error(message, last.Code ?? WebSocketErrorCodes.ConnectionFailed, last.Exception, [.. extensions]);
    }

    private static GraphQLClientError Error(string message, string code, Exception? exception = null, (string Name, object? Value)[]? extensions = null) =>
        new(message, code, extensions: extensions is null ? null : GraphQLTransportWsMessages.Extensions(extensions), exception: exception);

    /// <summary>Why a connection ended: the close frame's code and reason, or the failure that broke it.</summary>
    private sealed record CloseInfo(int? Code, string? Reason, Exception? Exception, bool ProtocolViolation = false);

    /// <summary>Why an attempt or a connection failed; <paramref name="Refused"/> for 4403 (the credentials).</summary>
    private sealed record ConnectFailure(GraphQLClientError Error, bool Terminal, bool Refused = false);

    private sealed class HandshakeRejectedException(ConnectFailure failure) : Exception(failure.Error.Message)
    {
        public ConnectFailure Failure { get; } = failure;
    }

    /// <summary>One operation: its messages, and a buffer of the responses its consumer has not read yet.</summary>
    private sealed class Operation(string id, GraphQLOperationRequest request, bool singleResult)
    {
        private readonly Channel<GraphQLResponse> responses = Channel.CreateUnbounded<GraphQLResponse>(new UnboundedChannelOptions { SingleReader = true });
        private int finished;

        /// <summary>The generation of the connection this operation was (or is being) subscribed on; claimed once per connection.</summary>
        public long ClaimedGeneration;

        public string Id { get; } = id;

        public bool SingleResult { get; } = singleResult;

        public bool IsMutation { get; } = request.Kind == OperationKind.Mutation;

        public byte[] SubscribeMessage { get; } = GraphQLTransportWsMessages.Subscribe(id, request);

        /// <summary>The generation of the connection the subscribe message was written to (under that connection's send lock).</summary>
        public long SentGeneration;

        /// <summary>The consumer is done with the operation.</summary>
        public volatile bool Stopped;

        /// <summary>The server completed the operation (complete or error).</summary>
        public volatile bool ServerDone;

        public ChannelReader<GraphQLResponse> Reader => responses.Reader;

        public bool IsFinished => Volatile.Read(ref finished) != 0;

        public void Push(GraphQLResponse response)
        {
            if (IsFinished || !responses.Writer.TryWrite(response))
            {
                response.Dispose();
            }
        }

        /// <summary>Ends the stream, after <paramref name="last"/> if given; only the first call has an effect.</summary>
        public void Finish(GraphQLResponse? last, bool byServer)
        {
            if (Interlocked.Exchange(ref finished, 1) != 0)
            {
                last?.Dispose();
                return;
            }

            ServerDone |= byServer;
            if (last is not null && !responses.Writer.TryWrite(last))
            {
                last.Dispose();
            }

            responses.Writer.TryComplete();
        }
    }

    /// <summary>One socket and its state; the transport replaces it after a drop.</summary>
    private sealed class Connection(long generation, WebSocket socket)
    {
        private readonly SemaphoreSlim sendLock = new(1, 1);
        private CloseInfo? abortInfo;

        public long PingSentAt;

        public long LastPongAt;

        public long Generation { get; } = generation;

        public WebSocket Socket { get; } = socket;

        /// <summary>Cancelled when the connection ends; never disposed, so a late <see cref="Abort"/> stays harmless.</summary>
        public CancellationTokenSource Lifetime { get; } = new();

        /// <summary>Null on <c>connection_ack</c>; the close when the connection ended first.</summary>
        public TaskCompletionSource<CloseInfo?> Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ReceiveLoop { get; set; } = Task.CompletedTask;

        /// <summary>Why the connection ended, once it has.</summary>
        public CloseInfo? EndInfo { get; set; }

        /// <summary>Acknowledged and made current (under the transport's gate).</summary>
        public bool Established { get; set; }

        /// <summary>The <c>connection_init</c> token was a forced refresh (set with <see cref="Established"/>).</summary>
        public bool CredentialsRefreshed { get; set; }

        /// <summary>When the connection was established (<see cref="Environment.TickCount64"/>).</summary>
        public long EstablishedAt { get; set; }

        /// <summary>The receive loop has ended (under the transport's gate).</summary>
        public bool Closed { get; set; }

        /// <summary>The client ended the connection on purpose: its end is not a drop.</summary>
        public volatile bool ClosedByClient;

        public CloseInfo? AbortInfo => Volatile.Read(ref abortInfo);

        /// <summary>
        /// Sends one message, if <paramref name="beforeSend"/> (run under the send lock, for bookkeeping) allows; a failure
        /// aborts the connection. After the connection ended, does nothing.
        /// </summary>
        public async Task SendAsync(ReadOnlyMemory<byte> message, Func<bool>? beforeSend = null)
        {
            try
            {
                await sendLock.WaitAsync(Lifetime.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (!Lifetime.IsCancellationRequested && (beforeSend is null || beforeSend()))
                {
                    await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, Lifetime.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                Abort(new CloseInfo(null, "Sending failed: " + e.Message, e));
            }
            finally
            {
                sendLock.Release();
            }
        }

        /// <summary>Sends a close frame (under the send lock) without waiting for the server's.</summary>
        public async Task CloseOutputAsync(WebSocketCloseStatus status, TimeSpan timeout, string? reason = null)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await sendLock.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(status, Truncate(reason), cancel.Token).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // Closing a broken socket: nothing to tell anyone.
            }
            finally
            {
                sendLock.Release();
            }
        }

        /// <summary>Closes: sends the close frame, waits (bounded) for the receive loop to see the server's, then aborts.</summary>
        public async Task CloseAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout)
        {
            await CloseOutputAsync(status, timeout, reason).ConfigureAwait(false);
            try
            {
                await ReceiveLoop.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Abort(new CloseInfo((int)status, reason, null));
                await ReceiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        public void Abort(CloseInfo? info)
        {
            if (info is not null)
            {
                Interlocked.CompareExchange(ref abortInfo, info, null);
            }

            Lifetime.Cancel();
            Socket.Abort();
        }

        // Close reasons are limited to 123 UTF-8 bytes.
        private static string? Truncate(string? reason)
        {
            if (reason is null || Encoding.UTF8.GetByteCount(reason) <= 123)
            {
                return reason;
            }

            var length = Math.Min(reason.Length, 120);
            while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > 120)
            {
                length--;
            }

            return reason[..length] + "...";
        }
    }
}
