using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests.Delivery;

/// <summary>At-least-once delivery and the shared key ring, with instances sharing one SQLite file one after another.</summary>
public sealed class OutboxDeliveryTests : IAsyncDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hospital-delivery-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={file}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventCommittedByAnInstanceThatDiesBeforePublishing_IsPublishedWhenItRestarts()
    {
        var dead = new DeadSender();
        long eventId;
        await using (var crashing = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1", services: s => s.AddSingleton<ITopicEventSender>(dead)))
        {
            await Instance.EventuallyAsync(async () => await crashing.CursorAsync("node-1") is not null, "the relay recorded its cursor");
            await crashing.ChangeABedAsync();
            eventId = await crashing.NewestEventAsync();
            await Instance.EventuallyAsync(() => Task.FromResult(dead.Attempts > 0), "the relay tried to hand the event over");

            // The commit is done, the hand-over failed: the cursor stays before the event when the process goes.
            Assert.True(await crashing.CursorAsync("node-1") < eventId);
        }

        await using var restarted = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1", new Dictionary<string, string?> { ["Hospital:Outbox:ReplayDelay"] = "00:00:01" });
        await using var listener = await restarted.ListenAsync(ChangeTopics.BedChanged.Name);

        var message = await listener.NextAsync();

        Assert.Equal(eventId, message.EventId);
        await Instance.EventuallyAsync(async () => await restarted.CursorAsync("node-1") >= eventId, "the cursor moved past the delivered event");
    }

    [Fact]
    public async Task ANewInstance_StartsAtTheNewestEvent_AndAnotherInstancesCursorIsItsOwn()
    {
        await using var first = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1");
        await Instance.EventuallyAsync(async () => await first.CursorAsync("node-1") is not null, "the first relay recorded its cursor");
        await first.ChangeABedAsync();
        var before = await first.NewestEventAsync();
        await Instance.EventuallyAsync(async () => await first.CursorAsync("node-1") >= before, "the first instance published its event");

        await using var second = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-2");
        await Instance.EventuallyAsync(async () => await second.CursorAsync("node-2") is not null, "the second relay recorded its cursor");
        Assert.Equal(before, await second.CursorAsync("node-2"));

        await using var onFirst = await first.ListenAsync(ChangeTopics.BedChanged.Name);
        await using var onSecond = await second.ListenAsync(ChangeTopics.BedChanged.Name);
        await second.ChangeABedAsync();
        var after = await second.NewestEventAsync();

        // Each instance hands the event to its own subscribers (the first finds it by polling).
        Assert.Equal(after, (await onSecond.NextAsync()).EventId);
        Assert.Equal(after, (await onFirst.NextAsync()).EventId);
    }

    [Fact]
    public async Task ASubscription_SkipsAnEventIdItAlreadyHad()
    {
        await using var instance = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1");
        await using var db = await instance.DbAsync();
        var beds = await db.Beds.OrderBy(b => b.Id).Select(b => b.Id).Take(2).ToListAsync(Ct);
        var events = instance.Services.GetRequiredService<InMemoryTopicEvents>();
        var loader = instance.Services.GetRequiredService<ChangeLoader<Bed>>();
        const string channel = "DeliveryTest:beds";
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stream = LiveEvents.ReadAsync(events, channel, loader, _ => true, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = stream.MoveNextAsync().AsTask();
        await Instance.EventuallyAsync(() => Task.FromResult(events.SubscriberCount(channel) > 0), "the stream listens");

        await events.SendAsync(channel, new ChangeMessage(900_001, beds[0]), Ct);
        await events.SendAsync(channel, new ChangeMessage(900_001, beds[0]), Ct);
        await events.SendAsync(channel, new ChangeMessage(900_002, beds[1]), Ct);

        Assert.True(await next);
        Assert.Equal(900_001, stream.Current.EventId);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(900_002, stream.Current.EventId);
        await cancel.CancelAsync();
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task APayloadProtectedByOneInstance_IsReadByAnotherAndAfterARestart_WithTheKeyInTheDatabase()
    {
        string protectedText;
        await using (var first = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1"))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("delivery-test").Protect("sign-in cookie payload");
            await using var second = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-2");
            Assert.Equal("sign-in cookie payload", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("delivery-test").Unprotect(protectedText));
        }

        await using var restarted = await Instance.StartAsync(DatabaseProvider.Sqlite, ConnectionString, "node-1");
        Assert.Equal("sign-in cookie payload", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("delivery-test").Unprotect(protectedText));
        await using var db = await restarted.DbAsync();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
        Assert.Single(keys);
        Assert.Contains("<key ", keys[0]);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A process that dies during the hand-over: every send fails.</summary>
    private sealed class DeadSender : ITopicEventSender
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref attempts);
            throw new IOException("The process died before it handed the event over.");
        }
    }
}
