using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Gql.AspNetCore.WebSockets;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Tests.WebSockets;

/// <summary>
/// The schema the subscription transport tests run against: <c>events(topic)</c> streams what a test publishes on
/// <see cref="TestEventHub"/>, so every event, the end of a stream and a failing source are driven by the test.
/// </summary>
internal static class SubscriptionTestSchema
{
    public const string Sdl = """
        type Query {
          hello(name: String): String!
          me: String
          scopeId: String!
        }

        type Mutation {
          admit(name: String!): String!
        }

        type Subscription {
          events(topic: String!): String!
        }
        """;

    /// <summary>Registers the executor, the event hub, the scoped probe and the connection interceptor.</summary>
    public static IServiceCollection AddSubscriptionTestSchema(this IServiceCollection services)
    {
        services.AddSingleton(CreateExecutor());
        services.AddSingleton<TestEventHub>();
        services.AddSingleton<ScopeProbeLog>();
        services.AddScoped<ScopeProbe>();
        services.AddSingleton<IGraphQLWebSocketInterceptor, TokenInterceptor>();
        return services;
    }

    private static IRequestExecutor CreateExecutor()
    {
        var resolvers = new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
        {
            ["Query"] = new Dictionary<string, FieldResolver>
            {
                ["hello"] = ctx => ValueTask.FromResult<object?>($"Hello, {ctx.ArgumentValue<string>("name") ?? "world"}!"),
                ["me"] = ctx => ValueTask.FromResult<object?>(ctx.User?.Identity?.Name),
                ["scopeId"] = ctx => ValueTask.FromResult<object?>(ctx.Service<ScopeProbe>().Id),
            },
            ["Mutation"] = new Dictionary<string, FieldResolver>
            {
                ["admit"] = ctx => ValueTask.FromResult<object?>($"Admitted {ctx.ArgumentValue<string>("name")}"),
            },
            ["Subscription"] = new Dictionary<string, FieldResolver>
            {
                // Each event is the root value of its execution.
                ["events"] = ctx => ValueTask.FromResult(ctx.Parent),
            },
        };
        var schema = SchemaBuilder.FromSdl(Sdl, resolvers);
        schema.SubscriptionType!.Fields.Single(f => f.Name == "events").Subscriber =
            ctx => ValueTask.FromResult(ctx.Service<TestEventHub>().SubscribeAsync(ctx.ArgumentValue<string>("topic")!, ctx.RequestAborted));
        return new RequestExecutor(schema);
    }
}

/// <summary>Topics a test publishes to; each subscriber has a queue of its own and is counted while it listens.</summary>
public sealed class TestEventHub
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<string>, byte>> topics = new(StringComparer.Ordinal);

    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var subscribers) ? subscribers.Count : 0;

    /// <summary>Waits until <paramref name="topic"/> has exactly <paramref name="count"/> subscribers (fails after a minute).</summary>
    public async Task WaitForSubscribersAsync(string topic, int count)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(WaitLimit);
        while (SubscriberCount(topic) != count)
        {
            try
            {
                await Task.Delay(20, limit.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Topic {topic} has {SubscriberCount(topic)} subscribers, expected {count}.");
            }
        }
    }

    public void Publish(string topic, string message) => ForEach(topic, c => c.Writer.TryWrite(message));

    /// <summary>Ends the stream of every current subscriber.</summary>
    public void Complete(string topic) => ForEach(topic, c => c.Writer.TryComplete());

    /// <summary>Makes the stream of every current subscriber throw.</summary>
    public void Fail(string topic, Exception exception) => ForEach(topic, c => c.Writer.TryComplete(exception));

    public async IAsyncEnumerable<object?> SubscribeAsync(string topic, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<string>();
        var subscribers = topics.GetOrAdd(topic, _ => new ConcurrentDictionary<Channel<string>, byte>());
        subscribers[channel] = 0;
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            subscribers.TryRemove(channel, out _);
        }
    }

    private void ForEach(string topic, Action<Channel<string>> action)
    {
        if (topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var channel in subscribers.Keys)
            {
                action(channel);
            }
        }
    }
}

/// <summary>A scoped service: its id tells which DI scope served a resolver, and its disposal is recorded.</summary>
public sealed class ScopeProbe(ScopeProbeLog log) : IDisposable
{
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public void Dispose() => log.Disposed[Id] = true;
}

public sealed class ScopeProbeLog
{
    public ConcurrentDictionary<string, bool> Disposed { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Authenticates WebSocket connections by the <c>token</c> in <c>connection_init</c>: "secret" is Dr Who (with an ack
/// payload), "bad" is rejected, "boom" fails; no token keeps the handshake's (anonymous) user.
/// </summary>
internal sealed class TokenInterceptor : IGraphQLWebSocketInterceptor
{
    public ValueTask<WebSocketConnectResult> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
        payload?.GetValueOrDefault("token") switch
        {
            "secret" => ValueTask.FromResult(WebSocketConnectResult.Accept(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dr-who")], "token")),
                new Dictionary<string, object?> { ["welcome"] = "dr-who" })),
            "bad" => ValueTask.FromResult(WebSocketConnectResult.Reject()),
            "boom" => throw new InvalidOperationException("The token service is down."),
            _ => ValueTask.FromResult(WebSocketConnectResult.Accept()),
        };
}
