using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gql.Client.WebSockets;

namespace Gql.Client.Tests.WebSockets;

/// <summary>
/// The WebSocket transport against the reference <c>graphql-transport-ws</c> server (npm graphql-ws), over real
/// loopback sockets. Each test starts its own server, so the server's counters (Query.stats) are the test's alone.
/// Skipped, with the reason, when Node.js or the server's packages are not available.
/// </summary>
public sealed class WebSocketTransportTests(GraphQLWsOracleFixture oracles) : IClassFixture<GraphQLWsOracleFixture>
{
    private const string GoodToken = "Bearer good-token";

    // Only to end a hang; nothing here measures speed.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Subscribe_Countdown_YieldsEventsInOrderThenCompletes()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var values = new List<int>();
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription Countdown($from: Int!) { countdown(from: $from) }", ("from", 5)), Timeout().Token))
        {
            using (response)
            {
                values.Add(Data(response).GetProperty("countdown").GetInt32());
            }
        }

        Assert.Equal([5, 4, 3, 2, 1, 0], values);
    }

    [Fact]
    public async Task Execute_QueryAndMutation_RunOverTheOneSocket()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        using var hello = await transport.ExecuteAsync(Query("query Hello($name: String) { hello(name: $name) }", ("name", "Ada")), Timeout().Token);
        using var first = await transport.ExecuteAsync(Mutation("mutation { increment(by: 2) }"), Timeout().Token);
        using var second = await transport.ExecuteAsync(Mutation("mutation { increment(by: 3) }"), Timeout().Token);

        Assert.Equal("Hello, Ada!", Data(hello).GetProperty("hello").GetString());
        Assert.Equal(2, Data(first).GetProperty("increment").GetInt32());
        Assert.Equal(5, Data(second).GetProperty("increment").GetInt32());
        var stats = await StatsAsync(transport);
        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task Subscribe_ValidationError_YieldsOneTypedErrorResultAndEnds()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var results = new List<IOperationResult<Payload>>();
        await foreach (var result in OperationExecutor.Watch(transport, Subscription("subscription { nope }"), data => new Payload(data.Clone()), Timeout().Token))
        {
            results.Add(result);
        }

        var single = Assert.Single(results);
        Assert.False(single.IsSuccess);
        var error = Assert.Single(single.Errors);
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", error.Message);
        Assert.Equal(new GraphQLErrorLocation(1, 16), Assert.Single(error.Locations!));
    }

    [Fact]
    public async Task Execute_ValidationError_ReturnsTheServersErrors()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var result = await OperationExecutor.ExecuteAsync(transport, Query("{ missing }"), data => new Payload(data.Clone()), Timeout().Token);

        Assert.Null(result.Data);
        Assert.Equal("Cannot query field \"missing\" on type \"Query\".", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Subscribe_FieldErrorInOneEvent_ArrivesAsTypedResultAndTheStreamGoesOn()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var results = new List<IOperationResult<Payload>>();
        await foreach (var result in OperationExecutor.Watch(transport, Subscription("subscription { failing }"), data => new Payload(data.Clone()), Timeout().Token))
        {
            results.Add(result);
        }

        Assert.Equal(3, results.Count);
        Assert.Equal(1, results[0].Data!.Value.GetProperty("failing").GetInt32());
        Assert.Equal(JsonValueKind.Null, results[1].Data!.Value.GetProperty("failing").ValueKind);
        var error = Assert.Single(results[1].Errors);
        Assert.Equal("Two is not allowed.", error.Message);
        Assert.Equal(new object[] { "failing" }, error.Path!);
        Assert.Equal(3, results[2].Data!.Value.GetProperty("failing").GetInt32());
    }

    [Fact]
    public async Task ConcurrentOperations_FromManyCallers_ShareOneConnection()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var subscriptions = Enumerable.Range(3, 8).Select(async from =>
        {
            var values = new List<int>();
            await foreach (var response in transport.SubscribeAsync(Subscription("subscription C($from: Int!) { countdown(from: $from) }", ("from", from)), Timeout().Token))
            {
                using (response)
                {
                    values.Add(Data(response).GetProperty("countdown").GetInt32());
                }
            }

            return (from, values);
        }).ToList();
        var queries = Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await transport.ExecuteAsync(Query("query H($name: String) { hello(name: $name) }", ("name", "caller " + i)), Timeout().Token);
            return Data(response).GetProperty("hello").GetString();
        }).ToList();
        var greetings = Task.Run(
            async () =>
            {
                var words = new List<string>();
                await foreach (var response in transport.SubscribeAsync(Subscription("subscription { greetings }"), Timeout().Token))
                {
                    using (response)
                    {
                        words.Add(Data(response).GetProperty("greetings").GetString()!);
                    }
                }

                return words;
            },
            TestContext.Current.CancellationToken);

        foreach (var (from, values) in await Task.WhenAll(subscriptions))
        {
            Assert.Equal(Enumerable.Range(0, from + 1).Reverse(), values);
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Hello, caller {i}!"), await Task.WhenAll(queries));
        Assert.Equal(["Hi", "Bonjour", "Hola", "Ciao", "Zdravo"], await greetings);
        var stats = await StatsAsync(transport);
        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task Subscribe_ConsumerStopsEnumerating_SendsCompleteAndTheServerStopsTheStream()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        var seen = 0;
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
        {
            response.Dispose();
            if (++seen == 3)
            {
                break;
            }
        }

        var stats = await WaitForStatsAsync(transport, s => s.GetProperty("endlessStopped").GetInt32() == 1);
        Assert.Equal(1, stats.GetProperty("endlessStarted").GetInt32());
        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task Subscribe_ConsumerCancels_ThrowsCanceledAndSendsComplete()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), cancel.Token))
            {
                response.Dispose();
                if (++seen == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        var stats = await WaitForStatsAsync(transport, s => s.GetProperty("endlessStopped").GetInt32() == 1);
        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task Connect_CredentialsFromThePayloadProviderAndCookieHeader_ReachTheServer()
    {
        await using var server = await StartServerAsync();
        var calls = 0;
        await using var transport = Transport(server, options =>
        {
            options.ConnectionInitPayload = _ =>
            {
                Interlocked.Increment(ref calls);
                return ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = GoodToken, ["tenant"] = new[] { 1, 2 } });
            };
            options.ConfigureWebSocket = socket => socket.SetRequestHeader("Cookie", "session=abc123");
        });

        using var response = await transport.ExecuteAsync(Query("{ whoami { authorization cookie } }"), Timeout().Token);

        var whoami = Data(response).GetProperty("whoami");
        Assert.Equal(GoodToken, whoami.GetProperty("authorization").GetString());
        Assert.Equal("session=abc123", whoami.GetProperty("cookie").GetString());
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Connect_WrongCredentials_EveryOperationGetsForbiddenWithoutRetry()
    {
        await using var server = await StartServerAsync();
        await using var observer = Transport(server);
        await using var transport = Transport(server, options =>
        {
            options.ConnectionInitPayload = _ => ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = "Bearer stolen" });
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 5 };
        });

        using var query = await transport.ExecuteAsync(Query("{ hello }"), Timeout().Token);
        var afterQuery = await StatsAsync(observer);
        var events = new List<GraphQLResponse>();
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
        {
            events.Add(response);
        }

        var afterSubscription = await StatsAsync(observer);

        AssertTransportError(query, WebSocketErrorCodes.Forbidden);
        Assert.Equal(4403, query.TransportErrors[0].Extensions!["closeCode"].GetInt32());
        using var only = Assert.Single(events);
        AssertTransportError(only, WebSocketErrorCodes.Forbidden);

        // One attempt per operation, though the policy allows five retries: 4403 is terminal.
        Assert.Equal(1, afterQuery.GetProperty("rejected").GetInt32());
        Assert.Equal(2, afterSubscription.GetProperty("rejected").GetInt32());
        Assert.Equal(0, afterSubscription.GetProperty("endlessStarted").GetInt32());
    }

    [Fact]
    public async Task ServerPing_IsAnsweredWithPong()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server);

        using var response = await transport.ExecuteAsync(Mutation("mutation { sendPing }"), Timeout().Token);

        Assert.True(Data(response).GetProperty("sendPing").GetBoolean());
        await WaitForStatsAsync(transport, s => s.GetProperty("pongs").GetInt32() >= 1);
    }

    [Fact]
    public async Task KeepAlive_SendsPingsWhileConnected()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server, options => options.KeepAliveInterval = TimeSpan.FromMilliseconds(50));

        var stats = await WaitForStatsAsync(transport, s => s.GetProperty("pings").GetInt32() >= 3);

        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task ServerRestart_TransportReconnectsWithBackoffAndResubscribes()
    {
        var server = await StartServerAsync();
        var port = server.Port;
        var transport = Transport(server, options =>
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(400), MaxRetries = null });

        var values = new List<int>();
        Task? restart = null;
        GraphQLWsOracle? restarted = null;
        try
        {
            await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless(intervalMs: 20) }"), Timeout().Token))
            {
                using (response)
                {
                    values.Add(Data(response).GetProperty("endless").GetInt32());
                }

                if (values.Count == 3)
                {
                    await server.KillAsync();
                    restart = Task.Run(
                        async () =>
                        {
                            // Long enough for a few refused attempts.
                            await Task.Delay(600, TestContext.Current.CancellationToken);
                            restarted = await RestartAsync(port);
                        },
                        TestContext.Current.CancellationToken);
                }

                if (values.Count > 3 && values[^1] == 3)
                {
                    break;
                }
            }

            await restart!;

            // The subscription started over on the new server: 1, 2, 3 before the drop, then 1, 2, 3 again.
            Assert.Equal([1, 2, 3], values.Take(3));
            Assert.Equal([1, 2, 3], values.Skip(values.Count - 3));
            var stats = await StatsAsync(transport);
            Assert.Equal(1, stats.GetProperty("accepted").GetInt32());
            Assert.Equal(1, stats.GetProperty("endlessStarted").GetInt32());
        }
        finally
        {
            await transport.DisposeAsync();
            await server.DisposeAsync();
            if (restart is not null)
            {
                await Task.WhenAny(restart);
            }

            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ServerClosesWithRetryableCode_TransportReconnectsAndTheSubscriptionStartsOver()
    {
        await using var server = await StartServerAsync();
        await using var transport = Transport(server, options =>
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 });

        var values = new List<int>();
        GraphQLResponse? closer = null;
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless(intervalMs: 20) }"), Timeout().Token))
        {
            using (response)
            {
                values.Add(Data(response).GetProperty("endless").GetInt32());
            }

            if (values.Count == 2)
            {
                // 1012 (service restart) is a drop worth retrying; the mutation that caused it never got its result.
                closer = await transport.ExecuteAsync(Mutation("mutation { closeConnection(code: 1012) }"), Timeout().Token);
            }

            if (values.Count > 2 && values[^1] == 2 && values[^2] == 1)
            {
                break;
            }
        }

        using (closer)
        {
            AssertTransportError(closer!, WebSocketErrorCodes.ConnectionLost);
        }

        var stats = await StatsAsync(transport);
        Assert.Equal(2, stats.GetProperty("accepted").GetInt32());
        Assert.Equal(2, stats.GetProperty("endlessStarted").GetInt32());
        Assert.Equal([1012], stats.GetProperty("closeCodes").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public async Task ServerClosesWithTerminalCode_EveryActiveOperationGetsTheTypedErrorAndNothingReconnects()
    {
        await using var server = await StartServerAsync();
        await using var observer = Transport(server);
        await using var transport = Transport(server, options =>
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 5 });

        var responses = new List<GraphQLResponse>();
        GraphQLResponse? closer = null;
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
        {
            responses.Add(response);
            if (responses.Count == 2)
            {
                closer = await transport.ExecuteAsync(Mutation("mutation { closeConnection(code: 4409, reason: \"Subscriber for 1 already exists\") }"), Timeout().Token);
            }
        }

        using (closer)
        {
            AssertTransportError(closer!, WebSocketErrorCodes.ConnectionClosed);
            Assert.Equal(4409, closer!.TransportErrors[0].Extensions!["closeCode"].GetInt32());
            Assert.Equal("Subscriber for 1 already exists", closer.TransportErrors[0].Extensions!["closeReason"].GetString());
        }

        AssertTransportError(responses[^1], WebSocketErrorCodes.ConnectionClosed);
        Assert.All(responses.SkipLast(1), r => Assert.NotNull(r.Document));
        responses.ForEach(r => r.Dispose());
        var stats = await StatsAsync(observer);
        Assert.Equal(2, stats.GetProperty("accepted").GetInt32());
        Assert.Equal(1, stats.GetProperty("endlessStarted").GetInt32());
    }

    [Fact]
    public async Task ServerGone_ActiveSubscriptionGetsConnectionFailedAfterRetries()
    {
        var server = await StartServerAsync();
        await using var transport = Transport(server, options =>
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 3 });

        var responses = new List<GraphQLResponse>();
        try
        {
            await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
            {
                responses.Add(response);
                if (responses.Count == 2)
                {
                    await server.KillAsync();
                }
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        var last = responses[^1];
        AssertTransportError(last, WebSocketErrorCodes.ConnectionFailed);
        Assert.Equal(3, last.TransportErrors[0].Extensions!["attempts"].GetInt32());
        Assert.All(responses.SkipLast(1), r => Assert.NotNull(r.Document));
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task ServerGone_MutationInFlight_GetsConnectionLostAndIsNotResent()
    {
        var server = await StartServerAsync();
        await using var observer = Transport(server);
        await using var transport = Transport(server, options =>
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = null });

        try
        {
            var mutation = transport.ExecuteAsync(Mutation("mutation { slow(ms: 60000) }"), Timeout().Token);
            await WaitForStatsAsync(observer, s => s.GetProperty("slowStarted").GetInt32() == 1);
            await server.KillAsync();

            using var response = await mutation;

            AssertTransportError(response, WebSocketErrorCodes.ConnectionLost);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connect_NobodyListens_ReturnsConnectionFailedAfterTheAttemptsRunOut()
    {
        Assert.SkipWhen(oracles.SkipReason is not null, oracles.SkipReason ?? string.Empty);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var transport = new WebSocketGraphQLTransport(new WebSocketTransportOptions
        {
            Uri = new Uri($"ws://127.0.0.1:{port}/graphql"),
            Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40), MaxRetries = 2 },
        });

        using var query = await transport.ExecuteAsync(Query("{ hello }"), Timeout().Token);
        var events = new List<GraphQLResponse>();
        await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
        {
            events.Add(response);
        }

        AssertTransportError(query, WebSocketErrorCodes.ConnectionFailed);
        Assert.Equal(3, query.TransportErrors[0].Extensions!["attempts"].GetInt32());
        Assert.NotNull(query.TransportErrors[0].Exception);
        using var only = Assert.Single(events);
        AssertTransportError(only, WebSocketErrorCodes.ConnectionFailed);
    }

    [Fact]
    public async Task Dispose_CompletesActiveSubscriptionsClosesTheSocketAndRefusesNewOperations()
    {
        await using var server = await StartServerAsync();
        await using var observer = Transport(server);
        var transport = Transport(server);

        var seen = 0;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = Task.Run(
            async () =>
            {
                await foreach (var response in transport.SubscribeAsync(Subscription("subscription { endless }"), Timeout().Token))
                {
                    response.Dispose();
                    if (Interlocked.Increment(ref seen) == 2)
                    {
                        ended.TrySetResult();
                    }
                }
            },
            TestContext.Current.CancellationToken);
        await ended.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await transport.DisposeAsync();
        await consumer.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(seen >= 2);
        using var late = await transport.ExecuteAsync(Query("{ hello }"), Timeout().Token);

        AssertTransportError(late, WebSocketErrorCodes.Disposed);
        var stats = await WaitForStatsAsync(observer, s => s.GetProperty("endlessStopped").GetInt32() == 1 && s.GetProperty("closeCodes").GetArrayLength() == 1);
        Assert.Equal(1000, stats.GetProperty("closeCodes")[0].GetInt32());
    }

    [Fact]
    public async Task Connect_ServerNeverAcknowledges_ReturnsAckTimeoutAfterTheRetries()
    {
        await using var server = await StartServerAsync();
        await using var observer = Transport(server);
        await using var transport = Transport(server, options =>
        {
            options.ConnectionInitPayload = _ => ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = "Bearer slow-token" });
            options.AckTimeout = TimeSpan.FromMilliseconds(200);
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 1 };
        });

        using var response = await transport.ExecuteAsync(Query("{ hello }"), Timeout().Token);

        AssertTransportError(response, WebSocketErrorCodes.AckTimeout);
        Assert.Equal(2, response.TransportErrors[0].Extensions!["attempts"].GetInt32());
        var stats = await WaitForStatsAsync(observer, s => s.GetProperty("closeCodes").GetArrayLength() == 2);
        Assert.All(stats.GetProperty("closeCodes").EnumerateArray(), code => Assert.Equal(4504, code.GetInt32()));
    }

    [Fact]
    public async Task Connect_UpgradeRefusedWithHttp401_ReturnsForbiddenWithoutRetry()
    {
        await using var server = await StartServerAsync();
        await using var observer = Transport(server);
        await using var transport = Transport(server, options =>
        {
            options.ConfigureWebSocket = socket => socket.SetRequestHeader("X-Block", "yes");
            options.Reconnect = new WebSocketReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 5 };
        });

        using var response = await transport.ExecuteAsync(Query("{ hello }"), Timeout().Token);

        AssertTransportError(response, WebSocketErrorCodes.Forbidden);
        Assert.Equal(401, response.TransportErrors[0].Extensions!["statusCode"].GetInt32());
        Assert.Equal(1, (await StatsAsync(observer)).GetProperty("upgradesRefused").GetInt32());
    }

    private async Task<GraphQLWsOracle> StartServerAsync()
    {
        Assert.SkipWhen(oracles.SkipReason is not null, oracles.SkipReason ?? string.Empty);
        return await oracles.StartAsync();
    }

    private async Task<GraphQLWsOracle> RestartAsync(int port)
    {
        // The old process's port may take a moment to be free again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await oracles.StartAsync(port);
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>The <c>data</c> of a typed result, as JSON.</summary>
    private sealed record Payload(JsonElement Value);

    private static WebSocketGraphQLTransport Transport(GraphQLWsOracle server, Action<WebSocketTransportOptions>? configure = null)
    {
        var options = new WebSocketTransportOptions
        {
            Uri = server.Uri,
            ConnectionInitPayload = _ => ValueTask.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["authorization"] = GoodToken }),
        };
        configure?.Invoke(options);
        return new WebSocketGraphQLTransport(options);
    }

    private static CancellationTokenSource Timeout()
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(Patience);
        return cancel;
    }

    private static GraphQLOperationRequest Query(string query, params (string Name, object? Value)[] variables) => Request(query, OperationKind.Query, variables);

    private static GraphQLOperationRequest Mutation(string query, params (string Name, object? Value)[] variables) => Request(query, OperationKind.Mutation, variables);

    private static GraphQLOperationRequest Subscription(string query, params (string Name, object? Value)[] variables) => Request(query, OperationKind.Subscription, variables);

    private static GraphQLOperationRequest Request(string query, OperationKind kind, (string Name, object? Value)[] variables) =>
        new(query, null, kind, variables.Length == 0 ? null : new JsonWritable(writer =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in variables)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case int i:
                        writer.WriteNumberValue(i);
                        break;
                    case string s:
                        writer.WriteStringValue(s);
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndObject();
        }));

    private static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.Document is not null, "Transport error: " + string.Join("; ", response.TransportErrors));
        var root = response.Document.RootElement;
        Assert.False(root.TryGetProperty("errors", out var errors), "GraphQL errors: " + errors);
        return root.GetProperty("data");
    }

    private static void AssertTransportError(GraphQLResponse response, string code)
    {
        Assert.Null(response.Document);
        var error = Assert.Single(response.TransportErrors);
        Assert.True(error.Code == code, $"Expected {code}, got {error}");
    }

    private static async Task<JsonElement> StatsAsync(IGraphQLTransport transport)
    {
        using var response = await transport.ExecuteAsync(
            Query("{ stats { connections accepted rejected pings pongs endlessStarted endlessStopped counter slowStarted upgradesRefused closeCodes } }"),
            Timeout().Token);
        return Data(response).GetProperty("stats").Clone();
    }

    private static async Task<JsonElement> WaitForStatsAsync(IGraphQLTransport transport, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var stats = await StatsAsync(transport);
            if (condition(stats))
            {
                return stats;
            }

            Assert.True(DateTime.UtcNow < deadline, "The server never reached the expected state: " + stats);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
