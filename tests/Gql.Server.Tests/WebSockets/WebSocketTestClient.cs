using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// A raw <c>graphql-transport-ws</c> client over <see cref="ClientWebSocket"/> on loopback, for checking the server's
/// side of the protocol message by message. Every wait has a generous limit so that a broken server fails the test
/// instead of hanging it.
/// </summary>
internal sealed class WebSocketTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket socket;

    private WebSocketTestClient(ClientWebSocket socket) => this.socket = socket;

    public string? SubProtocolChosen => socket.SubProtocol;

    public WebSocketState State => socket.State;

    /// <summary>Opens a socket to <paramref name="path"/>, offering <paramref name="subProtocols"/> (graphql-transport-ws when none are given).</summary>
    public static async Task<WebSocketTestClient> ConnectAsync(Uri server, string path = "/graphql", string[]? subProtocols = null)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in subProtocols ?? [SubProtocol])
        {
            socket.Options.AddSubProtocol(protocol);
        }

        var uri = new UriBuilder(server) { Scheme = "ws", Path = path }.Uri;
        using var limit = Limit();
        try
        {
            await socket.ConnectAsync(uri, limit.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new WebSocketTestClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> and returns the <c>connection_ack</c>.</summary>
    public static async Task<WebSocketTestClient> ConnectAndInitAsync(Uri server, string path = "/graphql", object? payload = null)
    {
        var client = await ConnectAsync(server, path);
        await client.SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        await client.ReceiveAsync("connection_ack");
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var limit = Limit();
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, limit.Token);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null, string? operationName = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables, operationName } });

    /// <summary>The next message; fails when the server closes the socket instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, close) = await ReceiveMessageOrCloseAsync();
        Assert.True(message is not null, $"The server closed the socket ({close?.Code} {close?.Reason}) where a message was expected.");
        return message.Value;
    }

    /// <summary>The next message, which must be of <paramref name="type"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(string type)
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == type, $"Expected a '{type}' message, got {message}.");
        return message;
    }

    /// <summary>Reads until the server's close frame, answers it, and returns its code and reason; fails on any message before it.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        var (message, close) = await ReceiveMessageOrCloseAsync();
        Assert.True(close is not null, $"Expected the server to close the socket, got {message}.");
        return close.Value;
    }

    /// <summary>Reads until the server's close frame, skipping messages (e.g. results in flight); returns code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseSkippingMessagesAsync()
    {
        while (true)
        {
            var (_, close) = await ReceiveMessageOrCloseAsync();
            if (close is not null)
            {
                return close.Value;
            }
        }
    }

    /// <summary>Starts the close handshake with 1000 and waits for the server's answer.</summary>
    public async Task<(int Code, string? Reason)> CloseAsync()
    {
        using var limit = Limit();
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
        return ((int)socket.CloseStatus!, socket.CloseStatusDescription);
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server is gone already.
            }
        }

        socket.Dispose();
    }

    public async Task<(JsonElement? Message, (int Code, string? Reason)? Close)> ReceiveMessageOrCloseAsync()
    {
        using var limit = Limit();
        using var text = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, limit.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Nothing arrived from the server within {WaitLimit.TotalSeconds} s.");
                throw;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, limit.Token);
                }

                return (null, ((int)result.CloseStatus!, result.CloseStatusDescription));
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(text.ToArray()).RootElement.Clone(), null);
            }
        }
    }

    private static CancellationTokenSource Limit()
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(WaitLimit);
        return limit;
    }
}
