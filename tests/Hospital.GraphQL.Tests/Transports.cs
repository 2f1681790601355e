using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Hospital.GraphQL.Tests;

/// <summary>A <c>graphql-transport-ws</c> client signed in with a token in <c>connection_init</c> (or refused).</summary>
internal sealed class GraphQLSocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket socket = new();
    private int lastId;

    /// <summary>The close status when the server refused the connection, e.g. 4403.</summary>
    public string? Refusal { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<GraphQLSocket> ConnectAsync(HospitalApi api, string? token)
    {
        var client = new GraphQLSocket();
        client.socket.Options.AddSubProtocol("graphql-transport-ws");
        await client.socket.ConnectAsync(new UriBuilder(api.Client.BaseAddress!) { Scheme = "ws", Path = "/graphql" }.Uri, Ct);
        var init = new JsonObject { ["type"] = "connection_init" };
        if (token is not null)
        {
            init["payload"] = new JsonObject { ["authorization"] = "Bearer " + token };
        }

        await client.SendAsync(init);
        if (await client.ReceiveAsync() is { } first)
        {
            Assert.Equal("connection_ack", (string?)first["type"]);
        }
        else
        {
            client.Refusal = ((int)client.socket.CloseStatus!).ToString(CultureInfo.InvariantCulture);
        }

        return client;
    }

    public async Task<string> SubscribeAsync(string query)
    {
        var id = (++lastId).ToString(CultureInfo.InvariantCulture);
        await SendAsync(new JsonObject { ["id"] = id, ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = query } });
        return id;
    }

    /// <summary>The next result of an operation (an <c>error</c> message as <c>{ errors }</c>), or null when it completed.</summary>
    public async Task<JsonObject?> NextAsync(string id)
    {
        while (await ReceiveAsync() is { } message)
        {
            var type = (string?)message["type"];
            if (type == "ping")
            {
                await SendAsync(new JsonObject { ["type"] = "pong" });
                continue;
            }

            if ((string?)message["id"] != id)
            {
                continue;
            }

            return type switch
            {
                "next" => message["payload"]!.AsObject().DeepClone().AsObject(),
                "error" => new JsonObject { ["errors"] = message["payload"]!.DeepClone() },
                _ => null,
            };
        }

        return null;
    }

    /// <summary>A query's single result.</summary>
    public async Task<JsonObject?> QueryAsync(string query) => await NextAsync(await SubscribeAsync(query));

    public Task CompleteAsync(string id) => SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        socket.Dispose();
    }

    private Task SendAsync(JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, Ct);

    private async Task<JsonObject?> ReceiveAsync()
    {
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, Ct).WaitAsync(Patience, Ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(text.ToArray())!.AsObject();
            }
        }
    }
}

/// <summary>A GraphQL request answered as server-sent events, with a bearer token (or none).</summary>
internal sealed class EventStream(HttpResponseMessage response, StreamReader? reader) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EventStream> OpenAsync(HospitalApi api, string? token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        return new EventStream(response, streaming ? new StreamReader(await response.Content.ReadAsStreamAsync(Ct)) : null);
    }

    /// <summary>A query's single result over the stream.</summary>
    public static async Task<JsonObject?> QueryAsync(HospitalApi api, string? token, string query)
    {
        await using var stream = await OpenAsync(api, token, query);
        return await stream.NextAsync();
    }

    /// <summary>The next <c>next</c> event's data; a request refused before streaming answers with one JSON body instead.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        if (reader is null)
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        }

        string? eventName = null;
        while (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(Patience, Ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line["event:".Length..].Trim();
                if (eventName == "complete")
                {
                    return null;
                }
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "next")
            {
                return JsonNode.Parse(line["data:".Length..].Trim())!.AsObject();
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        reader?.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
