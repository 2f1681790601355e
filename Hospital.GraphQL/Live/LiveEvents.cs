using System.Runtime.CompilerServices;
using Gql.Server.Subscriptions;

namespace Hospital.GraphQL.Live;

/// <summary>Turns the entity ids relayed on a topic into fresh entities for subscription resolvers.</summary>
internal static class LiveEvents
{
    /// <summary>
    /// For each id on <paramref name="topic"/>, loads the entity as it is now (in a DbContext of its own) and yields it
    /// unless it is gone or <paramref name="load"/> filters it out (returns null).
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(ITopicEventReceiver events, string topic, Func<int, CancellationToken, Task<T?>> load, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var id in events.SubscribeAsync<int>(topic, cancellationToken))
        {
            var entity = await load(id, cancellationToken);
            if (entity is not null)
            {
                yield return entity;
            }
        }
    }

    /// <summary><c>Topic:kind:id</c> when an id narrows the audience, else the topic itself.</summary>
    public static string Topic(string topic, string kind, int? id) => id is null ? topic : $"{topic}:{kind}:{id}";
}
