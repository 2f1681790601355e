using System.Runtime.CompilerServices;
using Gql.Server.Execution;
using Gql.Server.Subscriptions;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.CodeFirst;

public sealed record Parcel(string Label, int Shelf);

[SubscriptionType]
public static class ParcelSubscriptions
{
    [GraphQLDescription("Parcels put on one shelf.")]
    [Subscribe]
    [Topic("Shelved:{shelf}")]
    public static Parcel ParcelShelved(int shelf, [EventMessage] Parcel parcel) => parcel with { Label = parcel.Label.ToUpperInvariant() };

    [Subscribe(With = nameof(Countdown))]
    public static int Doubled([EventMessage] int number, Counter counter)
    {
        counter.Calls++;
        return number * 2;
    }

    // The event stream of doubled: its arguments are the field's.
    public static async IAsyncEnumerable<int> Countdown(int from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = from; i > 0; i--)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}

public sealed class SubscribeAttributeTests
{
    private static Schema Build() => new CodeFirstSchemaBuilder()
        .AddType(typeof(LibraryQueries))
        .AddType(typeof(ParcelSubscriptions))
        .UseServiceDetection(t => t == typeof(Counter))
        .Build();

    [Fact]
    public void Schema_TakesTheStreamsArguments_AndHidesTheStream()
    {
        var sdl = SchemaPrinter.Print(Build());

        Assert.Contains("parcelShelved(shelf: Int!): Parcel!", sdl);
        Assert.Contains("doubled(from: Int!): Int!", sdl);
        Assert.DoesNotContain("countdown", sdl);
    }

    [Fact]
    public async Task AStreamMethod_FeedsTheResolver_OneEventAtATime()
    {
        var counter = new Counter();
        var results = await CollectAsync(Build(), "subscription { doubled(from: 3) }", new Services(counter, null), 3);

        Assert.Equal(["""{"doubled":6}""", """{"doubled":4}""", """{"doubled":2}"""], results);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task ATopic_IsFilledFromTheArguments()
    {
        var events = new InMemoryTopicEvents(new TopicEventOptions());
        var services = new Services(new Counter(), events);
        var listening = CollectAsync(Build(), "subscription { parcelShelved(shelf: 2) { label shelf } }", services, 1);
        while (events.SubscriberCount("Shelved:2") == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await events.SendAsync("Shelved:1", new Parcel("elsewhere", 1), TestContext.Current.CancellationToken);
        await events.SendAsync("Shelved:2", new Parcel("mine", 2), TestContext.Current.CancellationToken);

        Assert.Equal(["""{"parcelShelved":{"label":"MINE","shelf":2}}"""], await listening);
    }

    private static async Task<List<string>> CollectAsync(Schema schema, string query, IServiceProvider services, int count)
    {
        var results = new List<string>();
        await foreach (var result in new RequestExecutor(schema).SubscribeAsync(new GraphQLRequest(query), new RequestContext { Services = services }, TestContext.Current.CancellationToken))
        {
            Assert.Null(result.Errors);
            results.Add(result.DataJson());
            if (results.Count == count)
            {
                break;
            }
        }

        return results;
    }

    private sealed class Services(Counter counter, ITopicEventReceiver? receiver) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(Counter) ? counter : serviceType == typeof(ITopicEventReceiver) ? receiver : null;
    }
}
