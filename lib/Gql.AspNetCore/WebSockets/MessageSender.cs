using System.Net.WebSockets;
using System.Text;

namespace Gql.AspNetCore.WebSockets;

/// <summary>
/// Writes to one socket, one message at a time: a WebSocket allows a single send in flight, and operations, pongs,
/// keep-alive pings and the close frame all come from different tasks. After the close frame nothing more is sent.
/// </summary>
/// <param name="socket">The socket.</param>
/// <param name="abort">Cancelled when the socket must be given up (the client is gone or ignores the close).</param>
/// <param name="sendTimeout">The longest one message may take to send; a client slower than that has its socket cut.</param>
internal sealed class MessageSender(WebSocket socket, CancellationToken abort, TimeSpan? sendTimeout = null)
{
    /// <summary>RFC 6455 §5.5: a close frame's payload is at most 125 bytes, 2 of which hold the code.</summary>
    private const int MaxCloseReasonBytes = 123;

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool closing;

    /// <summary>Whether the close frame is sent (or being sent): messages are no longer delivered.</summary>
    public bool IsClosing => closing;

    /// <summary>Whether a send took longer than the send timeout and the socket was cut.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>
    /// Sends a text message unless the socket is closing or <paramref name="skipWhenCancelled"/> is cancelled by the
    /// time it is this message's turn: a client's <c>complete</c> must stop messages not yet written. A client that went
    /// away is not an error here; the receive loop notices it and ends the session.
    /// </summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken skipWhenCancelled = default)
    {
        if (!await EnterAsync())
        {
            return;
        }

        try
        {
            if (!closing && !skipWhenCancelled.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                // Never the operation's token here: cancelling a send midway aborts the whole socket. That is what the
                // send timeout wants: a client that does not read is cut off, and the receive loop ends the session.
                using var timeout = sendTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(abort);
                timeout?.CancelAfter(sendTimeout!.Value);
                try
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout?.Token ?? abort);
                }
                catch (OperationCanceledException) when (timeout is { IsCancellationRequested: true } && !abort.IsCancellationRequested)
                {
                    TimedOut = true;
                    socket.Abort();
                }
            }
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // The client went away.
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends the close frame, once; later calls do nothing.</summary>
    /// <returns>True when this call started the close.</returns>
    public async ValueTask<bool> CloseAsync(int code, string reason)
    {
        if (closing || !await EnterAsync())
        {
            return false;
        }

        try
        {
            if (closing)
            {
                return false;
            }

            closing = true;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, LimitReason(reason), abort);
            }

            return true;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Cuts a close reason to what fits in a close frame, at a character boundary.</summary>
    internal static string LimitReason(string reason)
    {
        var bytes = 0;
        var length = 0;
        while (length < reason.Length)
        {
            var width = char.IsSurrogatePair(reason, length) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(reason.AsSpan(length, width));
            if (bytes > MaxCloseReasonBytes)
            {
                break;
            }

            length += width;
        }

        return length == reason.Length ? reason : reason[..length];
    }

    private async ValueTask<bool> EnterAsync()
    {
        try
        {
            await gate.WaitAsync(abort);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private bool IsConnectionFailure(Exception e) =>
        e is WebSocketException or IOException or ObjectDisposedException || (e is OperationCanceledException && abort.IsCancellationRequested);
}
