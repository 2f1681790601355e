using System.Net.WebSockets;
using Gql.AspNetCore;
using Gql.Server.Subscriptions;
using Gql.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.WebSockets;

/// <summary>Hostile WebSocket clients over real sockets: foreign origins, too many sockets, too many subscriptions.</summary>
public sealed class GraphQLWebSocketLimitTests
{
    private const string EventsSubscription = "subscription Events($t: String!) { events(topic: $t) }";

    [Fact]
    public async Task Handshake_FromAForeignOrigin_IsRefused()
    {
        await using var host = await StartAsync(o => o.WebSockets.AllowedOrigins.Add("https://ward.example"));

        var foreign = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(host.Address, "https://evil.example"));
        using var listed = await ConnectAsync(host.Address, "https://ward.example");
        using var own = await ConnectAsync(host.Address, $"http://{host.Address.Authority}");
        using var noBrowser = await ConnectAsync(host.Address, null);

        Assert.Contains("403", foreign.Message);
        Assert.Equal(WebSocketState.Open, listed.State);
        Assert.Equal(WebSocketState.Open, own.State);
        Assert.Equal(WebSocketState.Open, noBrowser.State);
    }

    [Fact]
    public async Task Sockets_OverTheLimit_AreRefused()
    {
        await using var host = await StartAsync(o => o.WebSockets.MaxConnections = 2);
        using var first = await ConnectAsync(host.Address, null);
        using var second = await ConnectAsync(host.Address, null);

        var third = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(host.Address, null));

        Assert.Contains("503", third.Message);
    }

    [Fact]
    public async Task Sockets_OfOneUser_OverTheLimit_AreClosed_AndAFreedSlotCanBeReused()
    {
        await using var host = await StartAsync(o => o.WebSockets.MaxConnectionsPerUser = 1);
        var first = await WebSocketTestClient.ConnectAndInitAsync(host.Address, payload: new { token = "secret" });
        await using var second = await WebSocketTestClient.ConnectAsync(host.Address);
        await using var anonymous = await WebSocketTestClient.ConnectAndInitAsync(host.Address);

        await second.SendAsync(new { type = "connection_init", payload = new { token = "secret" } });
        var closed = await second.ReceiveCloseAsync();
        await first.CloseAsync();
        await first.DisposeAsync();

        // The server lets go of the slot once it has seen the close: retry briefly rather than race it.
        var reused = false;
        for (var attempt = 0; attempt < 50 && !reused; attempt++)
        {
            await using var third = await WebSocketTestClient.ConnectAsync(host.Address);
            await third.SendAsync(new { type = "connection_init", payload = new { token = "secret" } });
            var (message, _) = await third.ReceiveMessageOrCloseAsync();
            reused = message?.GetProperty("type").GetString() == "connection_ack";
            if (!reused)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(4429, closed.Code);
        Assert.True(reused);
    }

    [Fact]
    public async Task Subscriptions_OverThePerSocketLimit_GetAnError()
    {
        await using var host = await StartAsync(o => o.WebSockets.MaxOperationsPerSocket = 2);
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host.Address);
        var topic = Guid.NewGuid().ToString();

        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic }, "Events");
        await client.SubscribeAsync("s2", EventsSubscription, new { t = topic }, "Events");
        await client.SubscribeAsync("s3", EventsSubscription, new { t = topic }, "Events");
        var error = await client.ReceiveAsync("error");

        Assert.Equal("s3", error.GetProperty("id").GetString());
        Assert.Equal("MAX_OPERATIONS_PER_SOCKET_EXCEEDED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await host.Services.GetRequiredService<TestEventHub>().WaitForSubscribersAsync(topic, 2);
    }

    [Fact]
    public async Task AClientThatSendsNothing_NotEvenAPong_IsClosed_WhileOneThatAnswersStays()
    {
        await using var host = await StartAsync(o =>
        {
            o.WebSockets.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            o.WebSockets.KeepAliveTimeout = TimeSpan.FromMilliseconds(300);
        });
        await using var silent = await WebSocketTestClient.ConnectAndInitAsync(host.Address);
        await using var answering = await WebSocketTestClient.ConnectAndInitAsync(host.Address);

        // Act: one client answers every ping for well past the timeout; the other never says a word.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            await answering.ReceiveAsync("ping");
            await answering.SendAsync(new { type = "pong" });
        }

        var closed = await silent.ReceiveCloseSkippingMessagesAsync();

        // Assert
        Assert.Equal(4504, closed.Code);
        await answering.ReceiveAsync("ping");
    }

    [Fact]
    public async Task AClientThatStopsReading_IsCut_InsteadOfHoldingItsEventsInMemory()
    {
        await using var host = await StartAsync(o =>
        {
            o.WebSockets.MaxConnections = 1;
            o.WebSockets.SendTimeout = TimeSpan.FromMilliseconds(500);
        });
        var hub = host.Services.GetRequiredService<TestEventHub>();
        var topic = Guid.NewGuid().ToString();
        await using var reader = await WebSocketTestClient.ConnectAndInitAsync(host.Address);
        await reader.SubscribeAsync("s1", EventsSubscription, new { t = topic }, "Events");
        await hub.WaitForSubscribersAsync(topic, 1);

        // Act: far more than the socket buffers hold, to a client that reads none of it.
        var big = new string('x', 512 * 1024);
        for (var i = 0; i < 64; i++)
        {
            hub.Publish(topic, big);
        }

        // Assert: the server cut the socket, so its only slot is free again.
        var freed = false;
        for (var attempt = 0; attempt < 100 && !freed; attempt++)
        {
            try
            {
                using var next = await ConnectAsync(host.Address, null);
                freed = true;
            }
            catch (WebSocketException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(freed);
    }

    [Fact]
    public async Task TopicQueue_ThatOverflows_EndsTheSubscriptionWithAnError_InsteadOfDroppingEvents()
    {
        var events = new InMemoryTopicEvents(new TopicEventOptions { SubscriberCapacity = 2 });
        var ct = TestContext.Current.CancellationToken;
        await using var reader = events.SubscribeAsync<int>("beds", ct).GetAsyncEnumerator(ct);

        for (var i = 1; i <= 5; i++)
        {
            await events.SendAsync("beds", i, ct);
        }

        var received = new List<int>();
        var ended = await Assert.ThrowsAsync<GraphQLException>(async () =>
        {
            while (await reader.MoveNextAsync())
            {
                received.Add(reader.Current);
            }
        });

        Assert.Equal([1, 2], received);
        Assert.Equal(InMemoryTopicEvents.OverflowCode, Assert.Single(ended.Errors).Code);
    }

    private static Task<TestHost> StartAsync(Action<GraphQLHttpOptions> configure) =>
        TestHost.StartAsync(services => services.AddSubscriptionTestSchema(), app => app.MapGraphQL(configure: o =>
        {
            o.WebSockets.KeepAliveInterval = null;
            configure(o);
        }));

    private static async Task<ClientWebSocket> ConnectAsync(Uri server, string? origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(WebSocketTestClient.SubProtocol);
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(new UriBuilder(server) { Scheme = "ws", Path = "/graphql" }.Uri, TestContext.Current.CancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
