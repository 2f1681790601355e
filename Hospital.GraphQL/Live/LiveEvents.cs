using System.Runtime.CompilerServices;
using Gql.Server.Subscriptions;
using Hospital.Data.Outbox;

namespace Hospital.GraphQL.Live;

/// <summary>The event streams of the subscriptions: a topic's channel, narrowed to the events whose entity matches.</summary>
internal static class LiveEvents
{
    /// <summary>How many recent event ids a subscription remembers to skip a second delivery.</summary>
    private const int RememberedEvents = 1024;

    /// <summary>
    /// The change events on <paramref name="channel"/> whose entity still exists and passes <paramref name="keep"/>. The
    /// entity is loaded through the shared <paramref name="loader"/>, so the resolver that maps the event reads it
    /// from there without another query. Delivery is at least once, so an event id this subscription already had is
    /// skipped.
    /// </summary>
    public static async IAsyncEnumerable<ChangeMessage> ReadAsync<T>(ITopicEventReceiver events, string channel, ChangeLoader<T> loader, Func<T, bool> keep, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var seen = new HashSet<long>();
        var order = new Queue<long>();
        await foreach (var change in events.SubscribeAsync<ChangeMessage>(channel, cancellationToken))
        {
            if (!seen.Add(change.EventId))
            {
                continue;
            }

            order.Enqueue(change.EventId);
            if (order.Count > RememberedEvents)
            {
                seen.Remove(order.Dequeue());
            }

            if (await loader.LoadAsync(change) is { } entity && keep(entity))
            {
                yield return change;
            }
        }
    }

    /// <summary>The entity of an event the stream let through (and so loaded).</summary>
    public static async Task<T> EntityAsync<T>(this ChangeLoader<T> loader, ChangeMessage change)
        where T : class =>
        await loader.LoadAsync(change) ?? throw new InvalidOperationException($"The {typeof(T).Name} of event {change.EventId} is gone.");
}
