using System.Net;
using System.Text;
using System.Text.Json;
using Gql.AspNetCore;
using Gql.Server.Tests.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.Http;

/// <summary>
/// GraphQL over server-sent events (distinct connections mode) on the GraphQL endpoint: requests that accept
/// <c>text/event-stream</c> get <c>next</c> events and a final <c>complete</c>; request errors are plain JSON when the
/// client also accepts JSON, and <c>next</c> events when it accepts only the stream.
/// </summary>
public sealed class GraphQLServerSentEventsTests(GraphQLSubscriptionServerFixture fixture) : IClassFixture<GraphQLSubscriptionServerFixture>
{
    private const string EventStream = "text/event-stream";

    /// <summary>What Gql.Client's HttpGraphQLTransport sends for subscriptions.</summary>
    private const string ClientAccept = "text/event-stream, application/graphql-response+json, application/json; q=0.9";

    private const string EventsSubscription = "subscription($t: String!) { events(topic: $t) }";

    private TestEventHub Events => fixture.Events;

    [Fact]
    public async Task Post_subscription_streams_a_next_event_per_event_then_complete()
    {
        var topic = Guid.NewGuid().ToString();
        using var response = await PostAsync(EventsSubscription, new { t = topic }, EventStream);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var stream = await EventStreamReader.OpenAsync(response);

        // The headers came before any event: the subscription is live now.
        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "bed 1 free");
        Events.Publish(topic, "bed 2 free");
        var first = await stream.ReadNextAsync();
        var second = await stream.ReadNextAsync();
        Events.Complete(topic);
        await stream.ReadCompleteAndEndAsync();

        Assert.Equal("""{"data":{"events":"bed 1 free"}}""", first.GetRawText());
        Assert.Equal("bed 2 free", second.GetProperty("data").GetProperty("events").GetString());
    }

    [Fact]
    public async Task Get_subscription_streams_events()
    {
        var topic = Guid.NewGuid().ToString();
        var query = Uri.EscapeDataString(EventsSubscription);
        var variables = Uri.EscapeDataString(JsonSerializer.Serialize(new { t = topic }));
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}"), EventStream);
        Assert.Equal(EventStream, response.MediaType());
        using var stream = await EventStreamReader.OpenAsync(response);

        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "ward A");
        Assert.Equal("ward A", (await stream.ReadNextAsync()).GetProperty("data").GetProperty("events").GetString());
        Events.Complete(topic);
        await stream.ReadCompleteAndEndAsync();
    }

    [Fact]
    public async Task Query_with_the_clients_accept_header_streams_one_result_then_complete()
    {
        using var response = await PostAsync("{ hello }", null, ClientAccept);
        Assert.Equal(EventStream, response.MediaType());
        using var stream = await EventStreamReader.OpenAsync(response);

        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", (await stream.ReadNextAsync()).GetRawText());
        await stream.ReadCompleteAndEndAsync();
    }

    [Fact]
    public async Task Mutation_over_post_streams_its_result()
    {
        using var response = await PostAsync("mutation { admit(name: \"Ada\") }", null, EventStream);
        using var stream = await EventStreamReader.OpenAsync(response);

        Assert.Equal("Admitted Ada", (await stream.ReadNextAsync()).GetProperty("data").GetProperty("admit").GetString());
        await stream.ReadCompleteAndEndAsync();
    }

    [Fact]
    public async Task Request_error_is_a_json_response_when_the_client_also_accepts_json()
    {
        using var response = await PostAsync("{ nope }", null, ClientAccept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Request_error_is_a_next_event_when_the_client_accepts_only_the_stream()
    {
        using var response = await PostAsync("{ nope }", null, EventStream);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EventStream, response.MediaType());
        using var stream = await EventStreamReader.OpenAsync(response);

        var next = await stream.ReadNextAsync();
        await stream.ReadCompleteAndEndAsync();

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", next.FirstErrorCode());
        Assert.False(next.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Mutation_over_get_is_405_for_event_streams_too()
    {
        var query = Uri.EscapeDataString("mutation { admit(name: \"Ada\") }");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}"), EventStream);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Malformed_body_is_a_400_json_response()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") };
        using var response = await SendAsync(request, EventStream);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        Assert.Equal("BAD_REQUEST", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Subscription_over_a_plain_json_request_is_refused()
    {
        using var response = await fixture.Host.PostQueryAsync(EventsSubscription, new { t = "unused" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("OPERATION_NOT_ALLOWED", body.FirstErrorCode());
        Assert.Contains("streaming transport", body.FirstErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_preferred_over_the_event_stream_gets_json()
    {
        using var response = await PostAsync("{ hello }", null, "application/json, text/event-stream; q=0.5");

        Assert.Equal("application/json", response.MediaType());
    }

    [Fact]
    public async Task Event_streams_switched_off_are_not_acceptable()
    {
        using var response = await PostAsync("{ hello }", null, EventStream, "/plain");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Client_disconnect_stops_the_subscription()
    {
        var topic = Guid.NewGuid().ToString();
        var response = await PostAsync(EventsSubscription, new { t = topic }, EventStream);
        await Events.WaitForSubscribersAsync(topic, 1);

        response.Dispose();

        await Events.WaitForSubscribersAsync(topic, 0);
    }

    [Fact]
    public async Task Failing_event_source_ends_the_stream_with_an_error_event()
    {
        var topic = Guid.NewGuid().ToString();
        using var response = await PostAsync(EventsSubscription, new { t = topic }, EventStream);
        using var stream = await EventStreamReader.OpenAsync(response);
        await Events.WaitForSubscribersAsync(topic, 1);

        Events.Fail(topic, new InvalidOperationException("secret database detail"));

        var next = await stream.ReadNextAsync();
        await stream.ReadCompleteAndEndAsync();
        Assert.Equal("INTERNAL_SERVER_ERROR", next.FirstErrorCode());
        Assert.DoesNotContain("secret", next.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_alive_comments_are_sent_while_no_event_comes()
    {
        var topic = Guid.NewGuid().ToString();
        using var response = await PostAsync(EventsSubscription, new { t = topic }, EventStream, "/keepalive");
        using var stream = await EventStreamReader.OpenAsync(response);
        await Events.WaitForSubscribersAsync(topic, 1);

        var comments = 0;
        while (comments < 3)
        {
            var line = await stream.ReadLineAsync();
            Assert.NotNull(line);
            Assert.True(line.Length == 0 || line == ":", $"Unexpected line '{line}' before any event.");
            comments += line == ":" ? 1 : 0;
        }

        Events.Publish(topic, "still here");
        Assert.Equal("still here", (await stream.ReadNextAsync()).GetProperty("data").GetProperty("events").GetString());
    }

    [Fact]
    public async Task Application_stop_ends_the_stream_without_complete()
    {
        await using var host = await TestHost.StartAsync(services => services.AddSubscriptionTestSchema(), app => app.MapGraphQL());
        var events = host.Services.GetRequiredService<TestEventHub>();
        var topic = Guid.NewGuid().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Body(EventsSubscription, new { t = topic }) };
        request.Headers.TryAddWithoutValidation("Accept", EventStream);
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var stream = await EventStreamReader.OpenAsync(response);
        await events.WaitForSubscribersAsync(topic, 1);

        var stopping = host.StopAsync();

        Assert.Null(await stream.ReadEventAsync());
        await stopping.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(0, events.SubscriberCount(topic));
    }

    private Task<HttpResponseMessage> PostAsync(string query, object? variables, string accept, string path = "/graphql") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(query, variables) }, accept);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string accept)
    {
        using (request)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);

            // Headers only: the body of a subscription arrives over time.
            return await fixture.Host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        }
    }

    private static StringContent Body(string query, object? variables) =>
        new(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
}
