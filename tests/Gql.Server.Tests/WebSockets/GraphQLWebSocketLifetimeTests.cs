using System.Net.WebSockets;
using Gql.AspNetCore;
using Gql.Server.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.WebSockets;

/// <summary>The end of a socket ends its operations: a clean close, a dropped connection, and the application stopping.</summary>
public sealed class GraphQLWebSocketLifetimeTests(GraphQLSubscriptionServerFixture fixture) : IClassFixture<GraphQLSubscriptionServerFixture>
{
    private const string EventsSubscription = "subscription($t: String!) { events(topic: $t) }";

    [Fact]
    public async Task Client_close_stops_every_running_operation()
    {
        var wards = Guid.NewGuid().ToString();
        var beds = Guid.NewGuid().ToString();
        var client = await WebSocketTestClient.ConnectAndInitAsync(fixture.Host.Address);
        await using (client)
        {
            await client.SubscribeAsync("1", EventsSubscription, new { t = wards });
            await client.SubscribeAsync("2", EventsSubscription, new { t = beds });
            await fixture.Events.WaitForSubscribersAsync(wards, 1);
            await fixture.Events.WaitForSubscribersAsync(beds, 1);

            Assert.Equal((int)WebSocketCloseStatus.NormalClosure, (await client.CloseAsync()).Code);
        }

        await fixture.Events.WaitForSubscribersAsync(wards, 0);
        await fixture.Events.WaitForSubscribersAsync(beds, 0);
    }

    [Fact]
    public async Task Dropped_connection_stops_every_running_operation()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(fixture.Host.Address);
        await client.SubscribeAsync("1", EventsSubscription, new { t = topic });
        await client.SubscribeAsync("2", EventsSubscription, new { t = topic });
        await fixture.Events.WaitForSubscribersAsync(topic, 2);

        client.Abort();

        await fixture.Events.WaitForSubscribersAsync(topic, 0);
    }

    [Fact]
    public async Task Application_stop_closes_sockets_with_1001_and_ends_their_operations()
    {
        // A server of its own, which this test stops; it also runs UseWebSockets(), the other way to host the endpoint.
        await using var host = await TestHost.StartAsync(
            services => services.AddSubscriptionTestSchema(),
            app =>
            {
                app.UseWebSockets();
                app.MapGraphQL(configure: o => o.WebSockets.KeepAliveInterval = null);
            });
        var events = host.Services.GetRequiredService<TestEventHub>();
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host.Address);
        await client.SubscribeAsync("1", EventsSubscription, new { t = topic });
        await events.WaitForSubscribersAsync(topic, 1);

        var stopping = host.StopAsync();
        var (code, reason) = await client.ReceiveCloseAsync();
        await stopping.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal((int)WebSocketCloseStatus.EndpointUnavailable, code);
        Assert.Equal("Going away", reason);
        Assert.Equal(0, events.SubscriberCount(topic));
    }
}
