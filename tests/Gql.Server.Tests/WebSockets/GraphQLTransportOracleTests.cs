using Gql.Testing;
using System.Text.Json;
using Gql.Server.Tests.Http;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// The reference clients against our server: npm <c>graphql-ws</c> over WebSocket and npm <c>graphql-sse</c> over
/// server-sent events (pinned in WebSockets/oracle/package-lock.json), each running a query, an invalid query and a
/// subscription whose events the test publishes. Skipped, with the reason, when Node.js or npm is missing.
/// </summary>
public sealed class GraphQLTransportOracleTests(GraphQLSubscriptionServerFixture server, OracleClientsFixture clients)
    : IClassFixture<GraphQLSubscriptionServerFixture>, IClassFixture<OracleClientsFixture>
{
    private const int EventCount = 5;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Graphql_ws_client_acknowledges_queries_subscribes_and_completes()
    {
        Assert.SkipWhen(clients.Package.SkipReason is not null, clients.Package.SkipReason ?? string.Empty);
        var url = new UriBuilder(server.Host.Address) { Scheme = "ws", Path = "/graphql" }.Uri;

        var report = await RunClientAsync("ws-client.mjs", url);

        Assert.Equal("dr-who", report.GetProperty("ack").GetProperty("welcome").GetString());
        Assert.Equal("Hello, graphql-ws!", report.GetProperty("hello").GetString());
        Assert.Equal("dr-who", report.GetProperty("me").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", report.GetProperty("validationErrors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ExpectedEvents(), report.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(report.GetProperty("completed").GetBoolean(), $"The subscription did not complete: {report}");
        Assert.Equal(1000, report.GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task Graphql_sse_client_queries_subscribes_and_completes()
    {
        Assert.SkipWhen(clients.Package.SkipReason is not null, clients.Package.SkipReason ?? string.Empty);
        var url = new Uri(server.Host.Address, "/graphql");

        var report = await RunClientAsync("sse-client.mjs", url);

        Assert.Equal("Hello, graphql-sse!", report.GetProperty("hello").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", report.GetProperty("validationErrors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ExpectedEvents(), report.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(report.GetProperty("completed").GetBoolean(), $"The subscription did not complete: {report}");
    }

    private static IEnumerable<string> ExpectedEvents() => Enumerable.Range(1, EventCount).Select(i => $"event {i}");

    /// <summary>Starts a client script, publishes the events once it has subscribed, ends the stream, and returns its report.</summary>
    private async Task<JsonElement> RunClientAsync(string script, Uri url)
    {
        var topic = Guid.NewGuid().ToString();
        var run = clients.Package.RunNodeAsync([script, url.ToString(), topic, EventCount.ToString(System.Globalization.CultureInfo.InvariantCulture)], ClientTimeout);

        // A client that fails before subscribing must fail the test with its own output, not a subscriber count.
        var subscribed = server.Events.WaitForSubscribersAsync(topic, 1);
        if (await Task.WhenAny(run, subscribed) == subscribed)
        {
            await subscribed;
            foreach (var message in ExpectedEvents())
            {
                server.Events.Publish(topic, message);
            }

            server.Events.Complete(topic);
        }

        var result = await run;
        Assert.True(result is { ExitCode: 0 }, $"{script} failed (exit code {result?.ExitCode}): {result?.Error}\n{result?.Output}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{script}: {result!.Value.Output}");
        return JsonDocument.Parse(result!.Value.Output).RootElement.Clone();
    }
}

/// <summary>Installs the reference clients (<c>npm ci</c> in WebSockets/oracle) when they are missing.</summary>
public sealed class OracleClientsFixture : IAsyncLifetime
{
    private NodePackage? package;

    public NodePackage Package => package ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async ValueTask InitializeAsync() =>
        package = await NodePackage.PrepareAsync("WebSockets/oracle", "ws-client.mjs", "graphql-ws", "to run the graphql-ws and graphql-sse reference clients");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
