using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Gql.Server.Subscriptions;

/// <summary>Publishes event messages on named topics (Hot Chocolate's <c>ITopicEventSender</c>).</summary>
public interface ITopicEventSender
{
    /// <summary>Delivers <paramref name="message"/> to every current subscriber of <paramref name="topic"/>.</summary>
    /// <typeparam name="TMessage">The message type; subscribers receive messages of the type they asked for.</typeparam>
    /// <param name="topic">The topic, e.g. <c>AppointmentChanged</c> or <c>AppointmentChanged:doctor:7</c>.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message is queued for every subscriber.</returns>
    ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Subscribes to named topics (Hot Chocolate's <c>ITopicEventReceiver</c>).</summary>
public interface ITopicEventReceiver
{
    /// <summary>
    /// The messages sent on <paramref name="topic"/> from now until <paramref name="cancellationToken"/> ends the
    /// subscription. Messages of another type than <typeparamref name="TMessage"/> are skipped.
    /// </summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The messages, in the order they were sent.</returns>
    IAsyncEnumerable<TMessage> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default);
}

/// <summary>Options of <see cref="InMemoryTopicEvents"/>.</summary>
public sealed class TopicEventOptions
{
    /// <summary>
    /// Messages buffered per subscriber. A subscriber that falls this far behind has its subscription ended with a
    /// <c>SUBSCRIPTION_OVERFLOW</c> error after the buffered messages: it neither stalls the publisher nor silently
    /// misses events. Default 1024.
    /// </summary>
    public int SubscriberCapacity { get; set; } = 1024;
}

/// <summary>
/// Topic pub/sub inside one process: each subscriber has a bounded queue of its own, so a slow subscriber never
/// blocks the sender or other subscribers. Fan-out across processes is the application's job (e.g. an outbox that
/// every instance reads and republishes here).
/// </summary>
public sealed class InMemoryTopicEvents(TopicEventOptions? options = null) : ITopicEventSender, ITopicEventReceiver
{
    /// <summary>The error code that ends a subscription whose queue overflowed.</summary>
    public const string OverflowCode = "SUBSCRIPTION_OVERFLOW";

    private readonly int capacity = Math.Max(1, (options ?? new TopicEventOptions()).SubscriberCapacity);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscriber, byte>> topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> started = new(StringComparer.Ordinal);

    /// <summary>How many subscribers <paramref name="topic"/> has now.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The count.</returns>
    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var subscribers) ? subscribers.Count : 0;

    /// <summary>How many subscriptions to <paramref name="topic"/> were ever started (a running total, for metrics and tests).</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The total.</returns>
    public long SubscriptionsStarted(string topic) => started.TryGetValue(topic, out var count) ? count : 0;

    /// <inheritdoc />
    public ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
            {
                if (!subscriber.Channel.Writer.TryWrite(message))
                {
                    // Full: dropping would leave the subscriber with a silently wrong picture, so its stream ends with
                    // an error once it has read what is queued (the client re-subscribes and reloads).
                    subscriber.Channel.Writer.TryComplete(new GraphQLException(new GraphQLError(
                        $"The subscription fell more than {capacity} events behind and was ended; subscribe again and reload.", OverflowCode)
                        .WithExtension("capacity", capacity)));
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TMessage> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);

        // Registered before the first MoveNextAsync, so nothing sent after this call is missed.
        var subscriber = new Subscriber(Channel.CreateBounded<object?>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        }));
        topics.GetOrAdd(topic, _ => new ConcurrentDictionary<Subscriber, byte>()).TryAdd(subscriber, 0);
        started.AddOrUpdate(topic, 1, (_, count) => count + 1);
        return Read<TMessage>(topic, subscriber, cancellationToken);
    }

    private async IAsyncEnumerable<TMessage> Read<TMessage>(string topic, Subscriber subscriber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await subscriber.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (subscriber.Channel.Reader.TryRead(out var message))
                {
                    if (message is TMessage typed)
                    {
                        yield return typed;
                    }
                }
            }
        }
        finally
        {
            if (topics.TryGetValue(topic, out var subscribers))
            {
                subscribers.TryRemove(subscriber, out _);
            }
        }
    }

    private sealed class Subscriber(Channel<object?> channel)
    {
        public Channel<object?> Channel { get; } = channel;
    }
}
