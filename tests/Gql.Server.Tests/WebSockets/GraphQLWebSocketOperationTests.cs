using System.Text.Json;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// Operations over <c>graphql-transport-ws</c>: subscriptions stream one <c>next</c> per event, queries and mutations
/// one <c>next</c>, then <c>complete</c>; request errors are an <c>error</c> message; the client's <c>complete</c>
/// stops a stream; each operation gets its own DI scope; the connection interceptor decides the user.
/// </summary>
public sealed class GraphQLWebSocketOperationTests(GraphQLSubscriptionServerFixture fixture) : IClassFixture<GraphQLSubscriptionServerFixture>
{
    private const string EventsSubscription = "subscription Events($t: String!) { events(topic: $t) }";

    private Uri Server => fixture.Host.Address;

    private TestEventHub Events => fixture.Events;

    [Fact]
    public async Task Subscription_sends_one_next_per_event_then_complete_when_the_stream_ends()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic }, "Events");
        await Events.WaitForSubscribersAsync(topic, 1);

        Events.Publish(topic, "admitted 1");
        Events.Publish(topic, "admitted 2");
        Events.Publish(topic, "admitted 3");
        var received = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var next = await client.ReceiveAsync("next");
            Assert.Equal("s1", next.GetProperty("id").GetString());
            received.Add(Data(next).GetProperty("events").GetString());
        }

        Events.Complete(topic);
        var complete = await client.ReceiveAsync("complete");

        Assert.Equal(["admitted 1", "admitted 2", "admitted 3"], received);
        Assert.Equal("s1", complete.GetProperty("id").GetString());
        Assert.False(complete.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Query_sends_one_next_then_complete()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SubscribeAsync("q1", "query Hello($n: String) { hello(name: $n) }", new { n = "Ada" });

        var next = await client.ReceiveAsync("next");
        Assert.Equal("q1", next.GetProperty("id").GetString());
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", next.GetProperty("payload").GetRawText());
        Assert.Equal("q1", (await client.ReceiveAsync("complete")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Mutation_sends_one_next_then_complete()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SubscribeAsync("m1", "mutation { admit(name: \"Zoë\") }");

        Assert.Equal("Admitted Zoë", Data(await client.ReceiveAsync("next")).GetProperty("admit").GetString());
        await client.ReceiveAsync("complete");
    }

    [Theory]
    [InlineData("{ nope }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ hello", "GRAPHQL_PARSE_FAILED")]
    [InlineData("query($n: String!) { hello(name: $n) }", "BAD_USER_INPUT")]
    public async Task Request_error_sends_error_with_the_errors_array_and_no_complete(string query, string code)
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SubscribeAsync("bad", query);

        var error = await client.ReceiveAsync("error");
        Assert.Equal("bad", error.GetProperty("id").GetString());
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("message").GetString()));

        // The error ended the operation: no complete follows, and its id is free again.
        await client.SendAsync(new { type = "ping" });
        await client.ReceiveAsync("pong");
        await client.SubscribeAsync("bad", "{ hello }");
        await client.ReceiveAsync("next");
        await client.ReceiveAsync("complete");
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_subscription_and_frees_its_id()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic });
        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "first");
        await client.ReceiveAsync("next");

        await client.SendAsync(new { id = "s1", type = "complete" });

        // The server let go of the event source, and sends nothing more for the operation (no complete either).
        await Events.WaitForSubscribersAsync(topic, 0);
        Events.Publish(topic, "too late");
        await client.SendAsync(new { type = "ping" });
        await client.ReceiveAsync("pong");

        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic });
        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "second");
        var next = await client.ReceiveAsync("next");
        Assert.Equal("second", Data(next).GetProperty("events").GetString());
    }

    [Fact]
    public async Task Concurrent_operations_are_multiplexed_by_id()
    {
        var wards = Guid.NewGuid().ToString();
        var beds = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync("wards", EventsSubscription, new { t = wards });
        await client.SubscribeAsync("beds", EventsSubscription, new { t = beds });
        await Events.WaitForSubscribersAsync(wards, 1);
        await Events.WaitForSubscribersAsync(beds, 1);

        Events.Publish(beds, "bed 4 free");
        var first = await client.ReceiveAsync("next");
        Events.Publish(wards, "ward B open");
        var second = await client.ReceiveAsync("next");
        await client.SubscribeAsync("q", "{ hello }");
        var query = await client.ReceiveAsync("next");
        await client.ReceiveAsync("complete");

        Assert.Equal(("beds", "bed 4 free"), (first.GetProperty("id").GetString(), Data(first).GetProperty("events").GetString()));
        Assert.Equal(("wards", "ward B open"), (second.GetProperty("id").GetString(), Data(second).GetProperty("events").GetString()));
        Assert.Equal("q", query.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Each_operation_runs_in_a_di_scope_of_its_own_that_is_disposed_when_it_ends()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SubscribeAsync("a", "{ scopeId }");
        var a = Data(await client.ReceiveAsync("next")).GetProperty("scopeId").GetString()!;
        await client.ReceiveAsync("complete");
        await client.SubscribeAsync("b", "{ scopeId }");
        var b = Data(await client.ReceiveAsync("next")).GetProperty("scopeId").GetString()!;
        await client.ReceiveAsync("complete");

        Assert.NotEqual(a, b);
        Assert.True(fixture.Probes.Disposed.ContainsKey(a), "The first operation's scope was not disposed.");
    }

    [Fact]
    public async Task Failing_event_source_sends_error_and_keeps_the_socket_open()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);
        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic });
        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "ok");
        await client.ReceiveAsync("next");

        Events.Fail(topic, new InvalidOperationException("secret database detail"));

        var error = await client.ReceiveAsync("error");
        Assert.Equal("s1", error.GetProperty("id").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret", error.GetRawText(), StringComparison.Ordinal);
        await client.SendAsync(new { type = "ping" });
        await client.ReceiveAsync("pong");
    }

    [Fact]
    public async Task Interceptor_sets_the_user_and_the_ack_payload()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);
        await client.SendAsync(new { type = "connection_init", payload = new { token = "secret" } });

        var ack = await client.ReceiveAsync("connection_ack");
        await client.SubscribeAsync("me", "{ me }");

        Assert.Equal("dr-who", ack.GetProperty("payload").GetProperty("welcome").GetString());
        Assert.Equal("dr-who", Data(await client.ReceiveAsync("next")).GetProperty("me").GetString());
    }

    [Fact]
    public async Task Without_credentials_operations_run_as_the_handshake_user()
    {
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(Server);

        await client.SubscribeAsync("me", "{ me }");

        Assert.Equal(JsonValueKind.Null, Data(await client.ReceiveAsync("next")).GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Interceptor_rejection_closes_with_4403()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "bad" } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Interceptor_failure_closes_with_4500_and_is_logged()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Server);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "boom" } });

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
        Assert.Contains(fixture.Host.Logs.Entries, e => e.Exception?.Message == "The token service is down.");
    }

    private static JsonElement Data(JsonElement next) => next.GetProperty("payload").GetProperty("data");
}
