using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Gql.Client.Http;
using Gql.Client.Tests.GraphQL;
using Gql.Client.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Client.Tests.WebSockets;

/// <summary>Registering the WebSocket transport for a generated client, routing by operation kind, and the backoff policy.</summary>
public sealed class WebSocketTransportRegistrationTests
{
    [Fact]
    public async Task UseWebSocketTransport_RegistersTheTransportTheClientUses_AndTheProviderDisposesIt()
    {
        var services = new ServiceCollection();
        services.AddClinicClient().UseWebSocketTransport(new Uri("ws://127.0.0.1:1/graphql"));
        var provider = services.BuildServiceProvider();

        var transport = provider.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);
        Assert.NotNull(provider.GetRequiredService<IClinicClient>());
        await provider.DisposeAsync();
        using var late = await transport.ExecuteAsync(new GraphQLOperationRequest("{ x }", null), TestContext.Current.CancellationToken);

        Assert.IsType<WebSocketGraphQLTransport>(transport);
        Assert.Equal(WebSocketErrorCodes.Disposed, Assert.Single(late.TransportErrors).Code);
    }

    [Fact]
    public async Task UseWebSocketForSubscriptions_KeepsTheConfiguredTransportForQueriesAndMutations()
    {
        var port = FreePort();
        var http = new RecordingTransport();
        var services = new ServiceCollection();
        services.AddClinicClient()
            .UseTransport(_ => http)
            .UseWebSocketForSubscriptions(options =>
            {
                options.Uri = new Uri($"ws://127.0.0.1:{port}/graphql");
                options.Reconnect = WebSocketReconnectPolicy.Never;
            });
        await using var provider = services.BuildServiceProvider();
        var transport = provider.GetRequiredKeyedService<IGraphQLTransport>(ClinicClient.ClientName);
        var ct = TestContext.Current.CancellationToken;

        using var query = await transport.ExecuteAsync(new GraphQLOperationRequest("{ a }", null, OperationKind.Query), ct);
        using var mutation = await transport.ExecuteAsync(new GraphQLOperationRequest("mutation { b }", null, OperationKind.Mutation), ct);
        var events = new List<GraphQLResponse>();
        await foreach (var response in transport.SubscribeAsync(new GraphQLOperationRequest("subscription { c }", null, OperationKind.Subscription), ct))
        {
            events.Add(response);
        }

        Assert.IsType<SplitGraphQLTransport>(transport);
        Assert.Equal(["{ a }", "mutation { b }"], http.Queries);

        // Nobody listens on the port: the subscription went to the WebSocket transport, which says so.
        using var only = Assert.Single(events);
        Assert.Equal(WebSocketErrorCodes.ConnectionFailed, Assert.Single(only.TransportErrors).Code);
    }

    [Fact]
    public void UseWebSocketForSubscriptions_BeforeAnyTransport_Throws()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddClinicClient().UseWebSocketForSubscriptions(new Uri("ws://127.0.0.1:1/graphql")));

        Assert.Contains("ConfigureHttpClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SplitTransport_RoutesByOperationKind_ForBothMethods()
    {
        var queries = new RecordingTransport();
        var subscriptions = new RecordingTransport();
        var split = new SplitGraphQLTransport(queries, subscriptions);
        var ct = TestContext.Current.CancellationToken;

        (await split.ExecuteAsync(new GraphQLOperationRequest("q", null, OperationKind.Query), ct)).Dispose();
        (await split.ExecuteAsync(new GraphQLOperationRequest("s1", null, OperationKind.Subscription), ct)).Dispose();
        await foreach (var response in split.SubscribeAsync(new GraphQLOperationRequest("s2", null, OperationKind.Subscription), ct))
        {
            response.Dispose();
        }

        await foreach (var response in split.SubscribeAsync(new GraphQLOperationRequest("m", null, OperationKind.Mutation), ct))
        {
            response.Dispose();
        }

        Assert.Equal(["q", "m"], queries.Queries);
        Assert.Equal(["s1", "s2"], subscriptions.Queries);
    }

    [Fact]
    public void ReconnectPolicy_DelaysGrowExponentiallyUpToTheMaximum_WithinTheJitter()
    {
        var policy = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = 0.2 };

        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.GetDelay(1, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.GetDelay(2, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.GetDelay(4, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.GetDelay(5, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.GetDelay(1000, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(80), policy.GetDelay(1, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(120), policy.GetDelay(1, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.GetDelay(5, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.GetDelay(5, 1));
        Assert.Equal(0, WebSocketReconnectPolicy.Never.MaxRetries);
    }

    [Fact]
    public void Options_Invalid_AreRejectedWhenTheTransportIsCreated()
    {
        Assert.Throws<ArgumentException>(() => new WebSocketGraphQLTransport(new WebSocketTransportOptions()));
        Assert.Throws<ArgumentException>(() => new WebSocketGraphQLTransport(new Uri("ftp://example.org/graphql")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketGraphQLTransport(new WebSocketTransportOptions
        {
            Uri = new Uri("ws://127.0.0.1/graphql"),
            Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) },
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketGraphQLTransport(new WebSocketTransportOptions
        {
            Uri = new Uri("ws://127.0.0.1/graphql"),
            AckTimeout = TimeSpan.Zero,
        }));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Answers every request with <c>{"data":{}}</c> and remembers its document.</summary>
    private sealed class RecordingTransport : IGraphQLTransport
    {
        public List<string> Queries { get; } = [];

        public Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
        {
            lock (Queries)
            {
                Queries.Add(request.Query);
            }

            return Task.FromResult(GraphQLResponse.Parse(Encoding.UTF8.GetBytes("""{"data":{}}""")));
        }

        public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return await ExecuteAsync(request, cancellationToken);
        }
    }
}
