using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.GraphQL.Tests.Delivery;

/// <summary>
/// One API instance as production runs it (AddHospitalData, AddHospitalGraphQL, the start-up preparation, Kestrel on a
/// free port) with its own <c>Hospital:InstanceId</c>, so several can share one database in a test.
/// </summary>
internal sealed class Instance : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool started;

    private Instance(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <summary>Builds an instance without preparing or starting it.</summary>
    public static Instance Build(DatabaseProvider provider, string connectionString, string instanceId, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        // Not Production, which never seeds demo data; not Development either, so production rules (keys, headers) apply.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Staging", ApplicationName = typeof(HospitalGraphQLExtensions).Assembly.GetName().Name });
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Hospital"] = connectionString,
            ["Hospital:InstanceId"] = instanceId,
            ["Hospital:SeedDemoData"] = "true",
            ["Hospital:DemoPatients"] = "12",
            ["Hospital:Auth:SigningKey"] = HospitalApi.SigningKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHospitalData(builder.Configuration);
        builder.Services.AddHospitalGraphQL();
        builder.Services.AddHospitalDemoData();
        services?.Invoke(builder.Services);
        return new Instance(builder.Build());
    }

    /// <summary>Builds, prepares (schema, demo data) and starts an instance.</summary>
    public static async Task<Instance> StartAsync(DatabaseProvider provider, string connectionString, string instanceId, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var instance = Build(provider, connectionString, instanceId, settings, services);
        await instance.app.PrepareHospitalDatabaseAsync(TestContext.Current.CancellationToken);
        instance.app.MapHospitalGraphQL();
        await instance.app.StartAsync(TestContext.Current.CancellationToken);
        instance.started = true;
        return instance;
    }

    /// <summary>Runs the start-up preparation only.</summary>
    public Task PrepareAsync() => app.PrepareHospitalDatabaseAsync(TestContext.Current.CancellationToken);

    public async Task<HospitalDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>Changes a bed's status through this instance (an outbox row in the same transaction); returns the bed's id.</summary>
    public async Task<int> ChangeABedAsync()
    {
        await using var db = await DbAsync();
        var bed = await db.Beds.OrderBy(b => b.Id).FirstAsync(b => b.Status == BedStatus.Available || b.Status == BedStatus.Cleaning, TestContext.Current.CancellationToken);
        bed.Status = bed.Status == BedStatus.Available ? BedStatus.Cleaning : BedStatus.Available;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return bed.Id;
    }

    /// <summary>The newest outbox row's id.</summary>
    public async Task<long> NewestEventAsync()
    {
        await using var db = await DbAsync();
        return await db.OutboxMessages.MaxAsync(m => m.Id, TestContext.Current.CancellationToken);
    }

    /// <summary>This instance's cursor, or null before its relay recorded one.</summary>
    public async Task<long?> CursorAsync(string instanceId)
    {
        await using var db = await DbAsync();
        return await db.OutboxCursors.Where(c => c.InstanceId == instanceId).Select(c => (long?)c.LastId).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Listens on <paramref name="topic"/> of this instance and returns once the subscription is registered.</summary>
    public async Task<Listener> ListenAsync(string topic)
    {
        var events = Services.GetRequiredService<InMemoryTopicEvents>();
        var listening = events.SubscriberCount(topic);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stream = events.SubscribeAsync<ChangeMessage>(topic, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = stream.MoveNextAsync().AsTask();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (events.SubscriberCount(topic) <= listening)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The subscription never listened on {topic}.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return new Listener(cancel, stream, next);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, for at most 30 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting: {what}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await app.StopAsync(CancellationToken.None);
        }

        await app.DisposeAsync();
    }

    /// <summary>A subscription to one topic's change messages.</summary>
    internal sealed class Listener(CancellationTokenSource cancel, IAsyncEnumerator<ChangeMessage> stream, Task<bool> first) : IAsyncDisposable
    {
        private Task<bool> next = first;

        /// <summary>The next message, within 30 s.</summary>
        public async Task<ChangeMessage> NextAsync()
        {
            Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "The stream ended.");
            var message = stream.Current;
            next = stream.MoveNextAsync().AsTask();
            return message;
        }

        public async ValueTask DisposeAsync()
        {
            await cancel.CancelAsync();
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
            }

            await stream.DisposeAsync();
            cancel.Dispose();
        }
    }
}
