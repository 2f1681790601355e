using System.Globalization;
using System.Text.RegularExpressions;
using Gql.Server.Execution;

namespace Gql.Server.Subscriptions;

/// <summary>The event streams of <c>[Subscribe]</c> fields that name a <c>[Topic]</c>.</summary>
internal static partial class TopicSubscriptions
{
    internal static IAsyncEnumerable<object?> Subscribe<TMessage>(IResolverContext context, string topic)
    {
        var receiver = context.Services.GetService(typeof(ITopicEventReceiver)) as ITopicEventReceiver
            ?? throw new InvalidOperationException("No ITopicEventReceiver is registered: call AddInMemorySubscriptions().");
        return Box(receiver.SubscribeAsync<TMessage>(topic, context.RequestAborted));
    }

    /// <summary>The topic with each <c>{argument}</c> replaced by that argument's value (empty when null).</summary>
    internal static string Format(string template, IReadOnlyDictionary<string, object?> arguments) =>
        Placeholder().Replace(template, m => arguments.TryGetValue(m.Groups[1].Value, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "");

    private static async IAsyncEnumerable<object?> Box<TMessage>(IAsyncEnumerable<TMessage> stream)
    {
        await foreach (var message in stream)
        {
            yield return message;
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
