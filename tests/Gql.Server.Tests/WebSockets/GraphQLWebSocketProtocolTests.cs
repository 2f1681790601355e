using System.Net.WebSockets;
using Gql.AspNetCore;
using Gql.Server.Tests.Http;
using Microsoft.AspNetCore.Builder;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// The rules of the <c>graphql-transport-ws</c> protocol (graphql-ws PROTOCOL.md) over real sockets: subprotocol
/// negotiation, the connection handshake, ping and pong, and every close code the server uses.
/// </summary>
public sealed class GraphQLWebSocketProtocolTests(GraphQLSubscriptionServerFixture fixture) : IClassFixture<GraphQLSubscriptionServerFixture>
{
    private Uri Server => fixture.Host.Address;

    [Fact]
    public async Task Handshake_negotiates_graphql_transport_ws_and_init_is_acknowledged()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);
        Assert.Equal("graphql-transport-ws", client.SubProtocolChosen);

        await client.SendAsync(new { type = "connection_init" });
        var ack = await client.ReceiveAsync("connection_ack");

        // No interceptor payload: the optional payload is left out entirely.
        Assert.False(ack.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Handshake_picks_graphql_transport_ws_among_several_subprotocols()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server, subProtocols: ["graphql-ws", "graphql-transport-ws"]);

        Assert.Equal("graphql-transport-ws", client.SubProtocolChosen);
    }

    [Theory]
    [InlineData("graphql-ws")]
    [InlineData("")]
    public async Task Other_subprotocols_are_closed_with_4406(string subProtocol)
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server, subProtocols: subProtocol.Length == 0 ? [] : [subProtocol]);
        Assert.Null(client.SubProtocolChosen);

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4406, code);
        Assert.Equal("Subprotocol not acceptable", reason);
    }

    [Fact]
    public async Task Connection_init_not_sent_in_time_closes_with_4408()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server, "/fastinit");

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task Second_connection_init_closes_with_4429()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_before_connection_init_closes_with_4401()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_with_the_id_of_a_running_operation_closes_with_4409()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync("op-1", "subscription($t: String!) { events(topic: $t) }", new { t = topic });
        await fixture.Events.WaitForSubscribersAsync(topic, 1);

        await client.SubscribeAsync("op-1", "{ hello }");

        Assert.Equal((4409, "Subscriber for op-1 already exists"), await client.ReceiveCloseAsync());

        // Closing the socket ended the running subscription too.
        await fixture.Events.WaitForSubscribersAsync(topic, 0);
    }

    [Fact]
    public async Task Close_reason_for_a_long_duplicate_id_is_cut_to_fit_the_close_frame()
    {
        var topic = Guid.NewGuid().ToString();
        var id = new string('é', 200);
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync(id, "subscription($t: String!) { events(topic: $t) }", new { t = topic });
        await fixture.Events.WaitForSubscribersAsync(topic, 1);

        await client.SubscribeAsync(id, "{ hello }");

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.StartsWith("Subscriber for éé", reason, StringComparison.Ordinal);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(reason!), 100, 123);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    [InlineData("""{"type":"ping","payload":"text"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":7,"payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","operationName":5}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task Invalid_messages_close_with_4400(string message)
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public async Task Invalid_connection_init_payload_closes_with_4400()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);

        await client.SendTextAsync("""{"type":"connection_init","payload":[1]}""");

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_the_handshake()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);

        await client.SendAsync(new { type = "ping" });
        var bare = await client.ReceiveAsync("pong");
        Assert.False(bare.TryGetProperty("payload", out _));

        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveAsync("connection_ack");
        await client.SendAsync(new { type = "ping", payload = new { at = 42 } });
        var echoed = await client.ReceiveAsync("pong");
        Assert.Equal(42, echoed.GetProperty("payload").GetProperty("at").GetInt32());
    }

    [Fact]
    public async Task Pong_from_the_client_is_ignored()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SendAsync(new { type = "pong", payload = new { unsolicited = true } });
        await client.SendAsync(new { type = "ping" });

        // Messages are handled in order: had the pong caused anything, it would arrive before this.
        await client.ReceiveAsync("pong");
    }

    [Fact]
    public async Task Complete_for_an_unknown_id_is_ignored()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SendAsync(new { id = "never-started", type = "complete" });
        await client.SendAsync(new { type = "ping" });

        await client.ReceiveAsync("pong");
    }

    [Fact]
    public async Task Server_sends_keep_alive_pings_once_acknowledged()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server, "/keepalive");

        var first = await client.ReceiveAsync("ping");
        await client.SendAsync(new { type = "pong" });
        await client.ReceiveAsync("ping");

        Assert.False(first.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Message_over_the_size_limit_closes_with_1009()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server, "/small");

        await client.SubscribeAsync("1", "{ hello(name: \"" + new string('x', 400) + "\") }");

        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_under_the_size_limit_is_served()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server, "/small");

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal("Hello, world!", (await client.ReceiveAsync("next")).GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Endpoint_with_websockets_switched_off_refuses_the_handshake()
    {
        await Assert.ThrowsAsync<WebSocketException>(() => WebSocketTestClient.ConnectAsync(Server, "/plain"));
    }

    [Fact]
    public async Task Client_close_handshake_is_answered()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        var (code, _) = await client.CloseAsync();

        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, code);
        Assert.Equal(WebSocketState.Closed, client.State);
    }

    [Fact]
    public async Task Http_requests_still_work_beside_websockets()
    {
        using var response = await fixture.Host.PostQueryAsync("{ hello }");

        Assert.Equal("Hello, world!", (await response.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(0, 12_000)]
    [InlineData(10_000, 0)]
    [InlineData(10_000, -5)]
    public async Task MapGraphQL_refuses_timeouts_that_are_not_positive(int initTimeoutMs, int keepAliveMs)
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => app.MapGraphQL(configure: o =>
        {
            o.WebSockets.ConnectionInitTimeout = TimeSpan.FromMilliseconds(initTimeoutMs);
            o.WebSockets.KeepAliveInterval = TimeSpan.FromMilliseconds(keepAliveMs);
        }));
    }
}
