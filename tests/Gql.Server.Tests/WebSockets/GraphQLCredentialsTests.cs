using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gql.AspNetCore;
using Gql.AspNetCore.WebSockets;
using Gql.Server.Tests.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// Credentials on every transport: HTTP and SSE run as the user ASP.NET Core authentication set on the request (a test
/// bearer scheme here); a WebSocket connection runs as the interceptor's user until its credentials expire, when the
/// server closes it with 4403 so the client reconnects with a fresh token.
/// </summary>
public sealed class GraphQLCredentialsTests : IAsyncLifetime
{
    private const string EventsSubscription = "subscription($t: String!) { events(topic: $t) }";

    private TestHost? host;

    private TestHost Host => host ?? throw new InvalidOperationException("The server has not started.");

    private TestEventHub Events => Host.Services.GetRequiredService<TestEventHub>();

    public async ValueTask InitializeAsync() =>
        host = await TestHost.StartAsync(
            services =>
            {
                services.AddSubscriptionTestSchema();
                services.RemoveAll<IGraphQLWebSocketInterceptor>();
                services.AddSingleton<IGraphQLWebSocketInterceptor, ExpiringTokenInterceptor>();
                services.AddAuthentication(TestBearerHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestBearerHandler>(TestBearerHandler.SchemeName, null);
            },
            app =>
            {
                app.UseAuthentication();
                app.MapGraphQL(configure: o =>
                {
                    o.WebSockets.KeepAliveInterval = null;
                    o.ServerSentEvents.KeepAliveInterval = null;
                });
            });

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Http_query_runs_as_the_user_the_authentication_middleware_set()
    {
        using var signedIn = await PostAsync("{ me }", "dr-who", "application/graphql-response+json");
        using var anonymous = await PostAsync("{ me }", null, "application/graphql-response+json");

        Assert.Equal("dr-who", (await signedIn.JsonAsync()).GetProperty("data").GetProperty("me").GetString());
        Assert.Equal(JsonValueKind.Null, (await anonymous.JsonAsync()).GetProperty("data").GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Sse_stream_runs_as_the_user_the_authentication_middleware_set()
    {
        using var response = await PostAsync("{ me }", "nurse-joy", "text/event-stream");
        Assert.Equal("text/event-stream", response.MediaType());
        using var stream = await EventStreamReader.OpenAsync(response);

        Assert.Equal("nurse-joy", (await stream.ReadNextAsync()).GetProperty("data").GetProperty("me").GetString());
        await stream.ReadCompleteAndEndAsync();
    }

    [Fact]
    public async Task WebSocket_connection_is_closed_with_4403_when_its_credentials_expire_and_its_operations_stop()
    {
        var topic = Guid.NewGuid().ToString();
        await using var client = await WebSocketTestClient.ConnectAsync(Host.Address);
        var clock = Stopwatch.StartNew();
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer dr-who", expiresInMs = 600 } });
        await client.ReceiveAsync("connection_ack");
        await client.SubscribeAsync("me", "{ me }");
        Assert.Equal("dr-who", (await client.ReceiveAsync("next")).GetProperty("payload").GetProperty("data").GetProperty("me").GetString());
        await client.ReceiveAsync("complete");
        await client.SubscribeAsync("s1", EventsSubscription, new { t = topic });
        await Events.WaitForSubscribersAsync(topic, 1);
        Events.Publish(topic, "bed 4 free");
        Assert.Equal("bed 4 free", (await client.ReceiveAsync("next")).GetProperty("payload").GetProperty("data").GetProperty("events").GetString());

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal((4403, "Forbidden"), (code, reason));
        Assert.True(clock.ElapsedMilliseconds >= 550, $"Closed after {clock.ElapsedMilliseconds} ms, before the credentials expired.");
        await Events.WaitForSubscribersAsync(topic, 0);
    }

    [Fact]
    public async Task WebSocket_credentials_that_expired_already_are_rejected_with_4403_without_an_ack()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Host.Address);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer dr-who", expiresInMs = -1000 } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task WebSocket_connection_without_an_expiry_stays_open()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(Host.Address);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer dr-who" } });
        await client.ReceiveAsync("connection_ack");

        await Task.Delay(700, TestContext.Current.CancellationToken);
        await client.SendAsync(new { type = "ping" });

        await client.ReceiveAsync("pong");
    }

    private Task<HttpResponseMessage> PostAsync(string query, string? token, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    /// <summary>A stand-in for JWT bearer authentication: <c>Authorization: Bearer &lt;name&gt;</c> signs in as that name.</summary>
    private sealed class TestBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestBearer";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, header["Bearer ".Length..])], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }

    /// <summary>Accepts <c>authorization: Bearer &lt;name&gt;</c> in <c>connection_init</c>, valid for <c>expiresInMs</c> when given.</summary>
    private sealed class ExpiringTokenInterceptor : IGraphQLWebSocketInterceptor
    {
        public ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
        {
            if (payload?.GetValueOrDefault("authorization") is not string authorization || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return ValueTask.FromResult(WebSocketConnectResult.Reject());
            }

            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, authorization["Bearer ".Length..])], "token"));
            DateTimeOffset? expiresAt = payload.GetValueOrDefault("expiresInMs") is { } ms ? DateTimeOffset.UtcNow.AddMilliseconds(Convert.ToDouble(ms, System.Globalization.CultureInfo.InvariantCulture)) : null;
            return ValueTask.FromResult(WebSocketConnectResult.Accept(user, expiresAt: expiresAt));
        }
    }
}
