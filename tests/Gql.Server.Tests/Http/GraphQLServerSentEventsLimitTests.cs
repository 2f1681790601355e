using System.Net;
using System.Net.Http.Json;
using Gql.AspNetCore;
using Gql.Server.Tests.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.Http;

/// <summary>Event streams that a client would keep forever or open without bound, over real HTTP.</summary>
public sealed class GraphQLServerSentEventsLimitTests
{
    private const string EventsSubscription = "subscription Events($t: String!) { events(topic: $t) }";

    [Fact]
    public async Task Stream_OpenLongerThanAllowed_EndsWithATypedError()
    {
        await using var host = await StartAsync(o => o.ServerSentEvents.MaxDuration = TimeSpan.FromMilliseconds(300));

        using var response = await OpenAsync(host, Guid.NewGuid().ToString());
        using var stream = await EventStreamReader.OpenAsync(response);
        var next = await stream.ReadNextAsync();
        await stream.ReadCompleteAndEndAsync();

        Assert.Equal("STREAM_DURATION_EXCEEDED", next.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Streams_OverThePerUserLimit_Get429()
    {
        await using var host = await StartAsync(o => o.ServerSentEvents.MaxStreamsPerUser = 1);
        var topic = Guid.NewGuid().ToString();

        using var first = await OpenAsync(host, topic);
        await host.Services.GetRequiredService<TestEventHub>().WaitForSubscribersAsync(topic, 1);
        using var second = await OpenAsync(host, topic);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("MAX_STREAMS_EXCEEDED", (await second.JsonAsync()).FirstErrorCode());
    }

    private static Task<TestHost> StartAsync(Action<GraphQLHttpOptions> configure) =>
        TestHost.StartAsync(services => services.AddSubscriptionTestSchema(), app => app.MapGraphQL(configure: o =>
        {
            o.ServerSentEvents.KeepAliveInterval = null;
            configure(o);
        }));

    private static async Task<HttpResponseMessage> OpenAsync(TestHost host, string topic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = EventsSubscription, variables = new { t = topic } }) };
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream, application/graphql-response+json");
        return await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }
}
