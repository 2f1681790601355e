using System.Text.Json;
using Gql.Client.Http;
using Gql.Client.Tests.GraphQL;
using Gql.Client.Tests.Infrastructure;
using Gql.Client.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Client.Tests.Credentials;

/// <summary>
/// Access tokens on the wire, against our engine on a real server (<see cref="CredentialsServer"/>): the bearer header on
/// HTTP and SSE with one refresh after a 401, the token in <c>connection_init</c> with one refresh and reconnect after a
/// 4403, at connect or when the token expires on an open connection.
/// </summary>
public sealed class CredentialsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    // Only to end a hang; nothing here measures speed.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Http_SendsTheProvidersTokenAsBearer()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(_ => authority.Issue("ada", Long));

        // Registered before the transport: the order does not matter.
        await using var services = Services(client => client.UseCredentials(credentials).ConfigureHttpClient(c => c.BaseAddress = Endpoint(server)));
        var transport = services.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);

        Assert.Equal("tok-1@ada", await MeAsync(transport));
        Assert.Equal("tok-1@ada", await MeAsync(transport));

        Assert.Equal(["tok-1", "tok-1"], authority.HttpTokens);
        Assert.Equal([false, false], credentials.Calls);
    }

    [Fact]
    public async Task UseCredentialsOfAType_MakesTheProviderFromTheServicesOncePerClient()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var services = new ServiceCollection();
        services.AddSingleton(authority);
        services.AddClinicClient().UseCredentials<IssuingCredentials>().ConfigureHttpClient(c => c.BaseAddress = Endpoint(server));
        await using var provider = services.BuildServiceProvider();
        var transport = provider.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);

        Assert.Equal("tok-1@ada", await MeAsync(transport));
        Assert.Equal("tok-1@ada", await MeAsync(transport));
        Assert.IsType<IssuingCredentials>(provider.GetRequiredKeyedService<IGraphQLCredentialsProvider>(ClinicClient.ClientName));
    }

    [Fact]
    public async Task Http_Unauthorized_RefreshesTheTokenOnceAndRetries()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);

        // The cached token has expired; the refresh gets a good one.
        var credentials = new TestCredentials(n => n == 0 ? "expired" : authority.Issue("ada", Long));
        await using var services = Services(client => client.ConfigureHttpClient(c => c.BaseAddress = Endpoint(server)).UseCredentials(_ => credentials));
        var transport = services.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);

        Assert.Equal("tok-1@ada", await MeAsync(transport));
        Assert.Equal("tok-1@ada", await MeAsync(transport));

        Assert.Equal(["expired", "tok-1", "tok-1"], authority.HttpTokens);
        Assert.Equal([false, true, false], credentials.Calls);
    }

    [Fact]
    public async Task Http_UnauthorizedAgainAfterTheRefresh_ReturnsTheHttpErrorWithoutATrialMore()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(n => "revoked-" + n);
        using var http = new HttpClient { BaseAddress = Endpoint(server) };
        var transport = new HttpGraphQLTransport(http, credentials);

        using var response = await transport.ExecuteAsync(new GraphQLOperationRequest("{ me }", null), Timeout().Token);

        var error = Assert.Single(response.TransportErrors);
        Assert.Equal(ClientErrorCodes.HttpError, error.Code);
        Assert.Equal(401, response.StatusCode);
        Assert.Equal(["revoked-0", "revoked-1"], authority.HttpTokens);
        Assert.Equal([false, true], credentials.Calls);
    }

    [Fact]
    public async Task Http_ProviderFails_ReturnsCredentialsUnavailableWithoutSending()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        using var http = new HttpClient { BaseAddress = Endpoint(server) };
        var transport = new HttpGraphQLTransport(http, new TestCredentials(_ => throw new InvalidOperationException("The identity server is down.")));

        using var response = await transport.ExecuteAsync(new GraphQLOperationRequest("{ me }", null), Timeout().Token);

        var error = Assert.Single(response.TransportErrors);
        Assert.Equal(ClientErrorCodes.CredentialsUnavailable, error.Code);
        Assert.Contains("The identity server is down.", error.Message, StringComparison.Ordinal);
        Assert.Empty(authority.HttpTokens);
    }

    [Fact]
    public async Task Sse_Unauthorized_RefreshesOnceAndTheStreamRunsWithTheNewToken()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(n => n == 0 ? "expired" : authority.Issue("ada", Long));
        using var http = new HttpClient { BaseAddress = Endpoint(server) };
        var transport = new HttpGraphQLTransport(http, credentials);

        var ticks = new List<string>();
        await foreach (var response in transport.SubscribeAsync(Ticks(20), Timeout().Token))
        {
            using (response)
            {
                ticks.Add(Data(response).GetProperty("ticks").GetString()!);
            }

            if (ticks.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["tok-1@ada 1", "tok-1@ada 2", "tok-1@ada 3"], ticks);
        Assert.Equal(["expired", "tok-1"], authority.HttpTokens);
        Assert.Equal([false, true], credentials.Calls);
    }

    [Fact]
    public async Task WebSocket_SendsTheTokenInConnectionInit()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(_ => authority.Issue("ada", Long));
        await using var services = Services(client => client.UseWebSocketTransport(o => o.Uri = Endpoint(server)).UseCredentials(credentials));
        var transport = services.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);

        Assert.Equal("tok-1@ada", await MeAsync(transport));

        Assert.Equal(["Bearer tok-1"], authority.InitAuthorizations);
        Assert.Equal([false], credentials.Calls);
    }

    [Fact]
    public async Task WebSocket_TokenAddsToThePayloadOfTheOptions()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        await using var transport = new WebSocketGraphQLTransport(new WebSocketTransportOptions
        {
            Uri = Endpoint(server),
            ConnectionInitPayload = _ => ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = "Bearer overridden", ["tenant"] = "north" }),
            Credentials = new TestCredentials(_ => authority.Issue("ada", Long)),
        });

        Assert.Equal("tok-1@ada", await MeAsync(transport));
        Assert.Equal(["Bearer tok-1"], authority.InitAuthorizations);
    }

    [Fact]
    public async Task WebSocket_TokenRefusedAtConnect_RefreshesOnceAndConnects()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(n => n == 0 ? "expired" : authority.Issue("ada", Long));
        await using var transport = WebSocketTransport(server, credentials);

        Assert.Equal("tok-1@ada", await MeAsync(transport));

        Assert.Equal(["Bearer expired", "Bearer tok-1"], authority.InitAuthorizations);
        Assert.Equal([false, true], credentials.Calls);
    }

    [Fact]
    public async Task WebSocket_TokenExpires_ServerCloses4403_ClientRefreshesReconnectsAndTheSubscriptionGoesOn()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);

        // The first token expires on the open connection; the refreshed one lasts.
        var credentials = new TestCredentials(n => authority.Issue("ada", n == 0 ? TimeSpan.FromMilliseconds(800) : Long));
        await using var transport = WebSocketTransport(server, credentials);

        var ticks = new List<string>();
        await foreach (var response in transport.SubscribeAsync(Ticks(50), Timeout().Token))
        {
            using (response)
            {
                ticks.Add(Data(response).GetProperty("ticks").GetString()!);
            }

            if (ticks[^1].StartsWith("tok-2@ada", StringComparison.Ordinal) && ticks.Count(t => t.StartsWith("tok-2@", StringComparison.Ordinal)) == 3)
            {
                break;
            }
        }

        // One stream: the events of the first connection, then (started over on the server) those of the second.
        // (A slow machine may see no event before the first second is over, so the first part may be empty.)
        var first = ticks.TakeWhile(t => t.StartsWith("tok-1@ada ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["tok-2@ada 1", "tok-2@ada 2", "tok-2@ada 3"], ticks.Skip(first.Count));

        // tok-1 was accepted and its connection closed when it expired (4403): the refresh came from that close, not
        // from a refusal at connect.
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], authority.InitAuthorizations);
        Assert.Equal([false, true], credentials.Calls);
        Assert.Equal(2, authority.Accepted);
        Assert.Equal(0, authority.Rejected);
    }

    [Fact]
    public async Task WebSocket_RefreshedTokenRefusedToo_TheSubscriptionFailsWithForbiddenAndNothingReconnects()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);

        // The first token expires on the open connection; the refresh yields a token the server does not know.
        var credentials = new TestCredentials(n => n == 0 ? authority.Issue("ada", TimeSpan.FromMilliseconds(800)) : "revoked");
        await using var transport = WebSocketTransport(server, credentials);

        var responses = new List<GraphQLResponse>();
        await foreach (var response in transport.SubscribeAsync(Ticks(50), Timeout().Token))
        {
            responses.Add(response);
        }

        var last = responses[^1];
        Assert.All(responses.SkipLast(1), r => Assert.StartsWith("tok-1@ada ", Data(r).GetProperty("ticks").GetString(), StringComparison.Ordinal));
        var error = Assert.Single(last.TransportErrors);
        Assert.Equal(WebSocketErrorCodes.Forbidden, error.Code);
        Assert.Equal(4403, error.Extensions!["closeCode"].GetInt32());
        Assert.True(error.Extensions["credentialsRefreshed"].GetBoolean());
        responses.ForEach(r => r.Dispose());

        // No loop: nothing connects again by itself.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(["Bearer tok-1", "Bearer revoked"], authority.InitAuthorizations);
        Assert.Equal([false, true], credentials.Calls);
        Assert.Equal((1, 1), (authority.Accepted, authority.Rejected));
    }

    [Fact]
    public async Task WebSocket_RefreshedTokenExpiresAtOnce_IsTakenAsRefusedAndNothingReconnects()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);

        // Every token the provider has lives a moment: without a guard, accept-expire-refresh would loop.
        var credentials = new TestCredentials(n => authority.Issue("ada", TimeSpan.FromMilliseconds(n == 0 ? 800 : 150)));
        await using var transport = WebSocketTransport(server, credentials);

        var responses = new List<GraphQLResponse>();
        await foreach (var response in transport.SubscribeAsync(Ticks(50), Timeout().Token))
        {
            responses.Add(response);
        }

        var error = Assert.Single(responses[^1].TransportErrors);
        Assert.Equal(WebSocketErrorCodes.Forbidden, error.Code);
        Assert.True(error.Extensions!["credentialsRefreshed"].GetBoolean());
        responses.ForEach(r => r.Dispose());
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], authority.InitAuthorizations);
        Assert.Equal([false, true], credentials.Calls);
    }

    [Fact]
    public async Task WebSocket_WithoutCredentials_4403IsFinalAsBefore()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        await using var transport = new WebSocketGraphQLTransport(new WebSocketTransportOptions
        {
            Uri = Endpoint(server),
            Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 5 },
        });

        using var response = await transport.ExecuteAsync(new GraphQLOperationRequest("{ me }", null), Timeout().Token);

        var error = Assert.Single(response.TransportErrors);
        Assert.Equal(WebSocketErrorCodes.Forbidden, error.Code);
        Assert.False(error.Extensions!.ContainsKey("credentialsRefreshed"));
        Assert.Equal([null], authority.InitAuthorizations);
    }

    [Fact]
    public async Task SplitTransport_BothTransportsUseTheClientsCredentials()
    {
        var authority = new TokenAuthority();
        await using var server = await CredentialsServer.StartAsync(authority);
        var credentials = new TestCredentials(_ => authority.Issue("ada", Long));
        await using var services = Services(client => client
            .ConfigureHttpClient(c => c.BaseAddress = Endpoint(server))
            .UseWebSocketForSubscriptions(Endpoint(server))
            .UseCredentials(credentials));
        var transport = services.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);

        Assert.Equal("tok-1@ada", await MeAsync(transport));
        await foreach (var response in transport.SubscribeAsync(Ticks(20), Timeout().Token))
        {
            using (response)
            {
                Assert.Equal("tok-1@ada 1", Data(response).GetProperty("ticks").GetString());
            }

            break;
        }

        Assert.Equal(["tok-1"], authority.HttpTokens);
        Assert.Equal(["Bearer tok-1"], authority.InitAuthorizations);
    }

    /// <summary>Made by the container: takes its issuer from the services and caches one token.</summary>
    private sealed class IssuingCredentials(TokenAuthority authority) : IGraphQLCredentialsProvider
    {
        private readonly Lazy<string> token = new(() => authority.Issue("ada", Long));

        public ValueTask<string?> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token.Value);
    }

    private static ServiceProvider Services(Action<IGraphQLClientBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddClinicClient());
        return services.BuildServiceProvider();
    }

    private static WebSocketGraphQLTransport WebSocketTransport(TestServer server, IGraphQLCredentialsProvider credentials) =>
        new(new WebSocketTransportOptions
        {
            Uri = Endpoint(server),
            Credentials = credentials,
            Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 },
        });

    private static Uri Endpoint(TestServer server) => new(server.Address, "/graphql");

    private static GraphQLOperationRequest Ticks(int intervalMs) =>
        new($"subscription {{ ticks(intervalMs: {intervalMs}) }}", null, OperationKind.Subscription);

    private static async Task<string?> MeAsync(IGraphQLTransport transport)
    {
        using var response = await transport.ExecuteAsync(new GraphQLOperationRequest("{ me }", null), Timeout().Token);
        var me = Data(response).GetProperty("me");
        return me.ValueKind == JsonValueKind.Null ? null : me.GetString();
    }

    private static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.Document is not null, "Transport error: " + string.Join("; ", response.TransportErrors));
        var root = response.Document.RootElement;
        Assert.False(root.TryGetProperty("errors", out var errors), "GraphQL errors: " + errors);
        return root.GetProperty("data");
    }

    private static CancellationTokenSource Timeout()
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(Patience);
        return cancel;
    }
}
