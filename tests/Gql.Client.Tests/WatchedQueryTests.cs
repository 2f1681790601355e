using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Gql.Client.Tests.GraphQL;
using Gql.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Client.Tests;

/// <summary>
/// Watched queries of the generated client (<c>Watch</c> on a query) over an in-memory bed server: re-fetches when a
/// mutation result, a subscription event or the page itself names an entity of the latest result.
/// </summary>
/// <remarks>
/// The fake transport answers synchronously, so a <c>MoveNextAsync</c> that is not completed on return is a watch
/// waiting for a change, and one that is completed has re-fetched: no test depends on timing.
/// </remarks>
public class WatchedQueryTests
{
    private static readonly string Bed1 = GlobalId("Bed", 1);
    private static readonly string Bed2 = GlobalId("Bed", 2);
    private static readonly string Bed3 = GlobalId("Bed", 3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_YieldsTheQueryResultFirst()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);

        var first = await NextAsync(watch);

        Assert.True(first.IsSuccess);
        Assert.Equal([Bed1, Bed2], first.Data!.Beds.Select(b => b.Id));
        Assert.Equal(1, server.BedQueries);
        Assert.Equal(1, client.EntityChanges.WatchedQueryCount);
    }

    [Fact]
    public async Task Watch_MutationReturningAWatchedEntity_RefetchesOnce_AndYieldsTheNewResult()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = client.GetBeds.Watch("3B", cancellation.Token).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var next = watch.MoveNextAsync();
        Assert.False(next.IsCompleted);

        // Act
        var mutation = await client.SetBedOccupied.ExecuteAsync(Bed1, occupied: true, Ct);

        // Assert
        Assert.True(mutation.IsSuccess);
        var second = await CurrentAfterAsync(watch, next);
        Assert.True(second.Data!.Beds.Single(b => b.Id == Bed1).Occupied);
        Assert.Equal(2, server.BedQueries);
        await AssertWaitingThenCancelAsync(watch, cancellation);
    }

    [Fact]
    public async Task Watch_SubscriptionEventOfAWatchedEntity_Refetches()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        await using var events = client.OnBedChanged.Watch(Ct).GetAsyncEnumerator(Ct);
        var nextEvent = events.MoveNextAsync();

        // Act: the server changes bed 2 and says so on the subscription.
        server.SetOccupied(Bed2, true);
        server.Events.Writer.TryWrite(BedChanged(Bed2, occupied: true));
        var changed = await CurrentAfterAsync(events, nextEvent);

        // Assert: the event was published before it was yielded, so the watch re-fetches at once.
        Assert.Equal(Bed2, changed.Data!.BedChanged.Id);
        var next = watch.MoveNextAsync();
        Assert.True(next.IsCompleted);
        var second = await CurrentAfterAsync(watch, next);
        Assert.True(second.Data!.Beds.Single(b => b.Id == Bed2).Occupied);
        Assert.Equal(2, server.BedQueries);
    }

    [Fact]
    public async Task Watch_UnrelatedIds_DoNotRefetch()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);

        // Bed 3 is in another ward; the patient id is of another type altogether.
        await client.SetBedOccupied.ExecuteAsync(Bed3, occupied: true, Ct);
        client.EntityChanges.Publish(GlobalId("Patient", 7));
        server.Events.Writer.TryWrite(BedChanged(Bed3, occupied: false));
        await using (var events = client.OnBedChanged.Watch(Ct).GetAsyncEnumerator(Ct))
        {
            await NextAsync(events);
        }

        var next = watch.MoveNextAsync();
        Assert.False(next.IsCompleted);
        Assert.Equal(1, server.BedQueries);

        // A related change still wakes it.
        client.EntityChanges.Publish(Bed2);
        await CurrentAfterAsync(watch, next);
        Assert.Equal(2, server.BedQueries);
    }

    [Fact]
    public async Task Watch_AChangeWhileRefetching_IsNotLost_ButFetchesAgain()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = client.GetBeds.Watch("3B", cancellation.Token).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Hold = release;
        client.EntityChanges.Publish(Bed1);
        var next = watch.MoveNextAsync();
        await server.HeldQueryStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Bed 2 changes after the server may already have read it: the result on its way could be stale.
        client.EntityChanges.Publish(Bed2);
        release.SetResult();
        await CurrentAfterAsync(watch, next);

        var again = watch.MoveNextAsync();
        Assert.True(again.IsCompleted);
        await CurrentAfterAsync(watch, again);
        Assert.Equal(3, server.BedQueries);
        await AssertWaitingThenCancelAsync(watch, cancellation);
    }

    [Fact]
    public async Task Watch_ABurstOfChanges_CausesOneRefetch()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = client.GetBeds.Watch("3B", cancellation.Token).GetAsyncEnumerator(Ct);
        await NextAsync(watch);

        for (var i = 0; i < 10; i++)
        {
            await client.SetBedOccupied.ExecuteAsync(i % 2 == 0 ? Bed1 : Bed2, occupied: i % 3 == 0, Ct);
        }

        var next = watch.MoveNextAsync();
        Assert.True(next.IsCompleted);
        await CurrentAfterAsync(watch, next);
        Assert.Equal(2, server.BedQueries);
        await AssertWaitingThenCancelAsync(watch, cancellation);
    }

    [Fact]
    public async Task Watch_ChangesArrivingDuringTheQuietPeriod_JoinOneRefetch()
    {
        var time = new ManualTimeProvider();
        var server = new BedServer();
        var client = new ClinicClient(server, new GraphQLEntityChanges(new WatchedQueryOptions { QuietPeriod = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), TimeProvider = time }));
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var next = watch.MoveNextAsync();

        // The first change starts the quiet period; one during it starts another.
        client.EntityChanges.Publish(Bed1);
        await time.WaitForTimerAsync();
        client.EntityChanges.Publish(Bed2);
        client.EntityChanges.Publish(Bed1);
        time.Advance(TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync();
        Assert.Equal(1, server.BedQueries);

        // A quiet second: one re-fetch for all three changes.
        time.Advance(TimeSpan.FromSeconds(1));
        await CurrentAfterAsync(watch, next);
        Assert.Equal(2, server.BedQueries);
    }

    [Fact]
    public async Task Watch_ChangesThatNeverStop_RefetchAfterTheMaxDelay()
    {
        var time = new ManualTimeProvider();
        var server = new BedServer();
        var client = new ClinicClient(server, new GraphQLEntityChanges(new WatchedQueryOptions { QuietPeriod = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2), TimeProvider = time }));
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var next = watch.MoveNextAsync();

        client.EntityChanges.Publish(Bed1);
        await time.WaitForTimerAsync();
        client.EntityChanges.Publish(Bed1);
        time.Advance(TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync();
        client.EntityChanges.Publish(Bed1);
        time.Advance(TimeSpan.FromSeconds(1));

        await CurrentAfterAsync(watch, next);
        Assert.Equal(2, server.BedQueries);
    }

    [Fact]
    public async Task Invalidate_RefetchesEveryWatchedQuery_WhateverItsEntities()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        await using var beds = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await using var staff = client.GetStaff.Watch(Ct).GetAsyncEnumerator(Ct);
        await NextAsync(beds);
        await NextAsync(staff);
        var nextBeds = beds.MoveNextAsync();
        var nextStaff = staff.MoveNextAsync();

        client.EntityChanges.Invalidate();

        await CurrentAfterAsync(beds, nextBeds);
        Assert.True((await CurrentAfterAsync(staff, nextStaff)).IsSuccess);
        Assert.Equal(2, server.BedQueries);
        Assert.Equal(2, server.StaffQueries);
    }

    [Fact]
    public async Task Watch_EndsWhenCancelled_OrWhenTheCallerStops()
    {
        var server = new BedServer();
        var changes = Immediate();
        var client = new ClinicClient(server, changes);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watch = client.GetBeds.Watch("3B", cancellation.Token).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var next = watch.MoveNextAsync();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await watch.DisposeAsync();
        Assert.Equal(0, changes.WatchedQueryCount);

        await foreach (var result in client.GetBeds.Watch("3B", Ct))
        {
            Assert.Equal(1, changes.WatchedQueryCount);
            break;
        }

        Assert.Equal(0, changes.WatchedQueryCount);
        changes.Invalidate();
        Assert.Equal(2, server.BedQueries);
    }

    [Fact]
    public async Task Watch_AFailingRefetch_YieldsTheErrors_AndTheWatchGoesOn()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        await using var watch = client.GetBeds.Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);

        // A transport failure, as transports report them.
        server.Failure = BedServer.FailureMode.ErrorResponse;
        await client.SetBedOccupied.ExecuteAsync(Bed1, occupied: true, Ct);
        var failed = await NextAsync(watch);
        Assert.Null(failed.Data);
        Assert.Equal(ClientErrorCodes.NetworkError, Assert.Single(failed.Errors).Code);

        // A transport that throws instead: still a result, not an exception.
        server.Failure = BedServer.FailureMode.Throw;
        client.EntityChanges.Publish(Bed1);
        var thrown = await NextAsync(watch);
        Assert.Equal(ClientErrorCodes.NetworkError, Assert.Single(thrown.Errors).Code);
        Assert.IsType<HttpRequestException>(thrown.Errors[0].Exception);

        // The entities of the last good result still wake the watch.
        server.Failure = BedServer.FailureMode.None;
        var next = watch.MoveNextAsync();
        Assert.False(next.IsCompleted);
        await client.SetBedOccupied.ExecuteAsync(Bed2, occupied: true, Ct);
        var recovered = await CurrentAfterAsync(watch, next);
        Assert.True(recovered.IsSuccess);
        Assert.True(recovered.Data!.Beds.All(b => b.Occupied));
        Assert.Equal(4, server.BedQueries);
    }

    [Fact]
    public async Task AddClient_RegistersOneEntityChangesPerClient_SharedByItsOperations()
    {
        var server = new BedServer();
        var services = new ServiceCollection();
        services.AddClinicClient().UseTransport(_ => server).ConfigureWatchedQueries(o => o.QuietPeriod = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IClinicClient>();
        var changes = provider.GetRequiredKeyedService<GraphQLEntityChanges>(ClinicClient.ClientName);
        Assert.Same(changes, client.EntityChanges);
        Assert.Equal(TimeSpan.Zero, changes.QuietPeriod);

        await using var watch = provider.GetRequiredService<IGetBedsQuery>().Watch("3B", Ct).GetAsyncEnumerator(Ct);
        await NextAsync(watch);
        var next = watch.MoveNextAsync();
        await provider.GetRequiredService<ISetBedOccupiedMutation>().ExecuteAsync(Bed2, occupied: true, Ct);

        Assert.True((await CurrentAfterAsync(watch, next)).Data!.Beds.Single(b => b.Id == Bed2).Occupied);
    }

    [Fact]
    public async Task QueryResults_KeepTheirDataJson_WhichReadsBackToTheSameResult_WithoutTheServer()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        var loaded = await client.GetBeds.ExecuteAsync("3B", Ct);
        var json = Assert.NotNull(loaded.DataJson);

        // Act: as a prerendered page's state is kept as text and read back in another process.
        var restored = OperationResultFactory.FromData(JsonDocument.Parse(json.GetRawText()).RootElement, GetBedsResultReader.Read);

        // Assert
        Assert.True(restored.IsSuccess);
        Assert.Equal(loaded.Data!.Beds, restored.Data!.Beds);
        Assert.Equal(json.GetRawText(), restored.DataJson?.GetRawText());
        Assert.Equal(1, server.BedQueries);
    }

    [Fact]
    public async Task MutationResults_AndEvents_KeepNoDataJson()
    {
        var client = new ClinicClient(new BedServer(), Immediate());

        var mutation = await client.SetBedOccupied.ExecuteAsync(Bed1, occupied: true, Ct);

        Assert.True(mutation.IsSuccess);
        Assert.Null(mutation.DataJson);
    }

    [Fact]
    public void FromData_JsonThatDoesNotFit_IsADeserializationError()
    {
        var result = OperationResultFactory.FromData(JsonDocument.Parse("""{"beds":[{"id":1}]}""").RootElement, GetBedsResultReader.Read);

        Assert.Null(result.Data);
        Assert.Equal(ClientErrorCodes.DeserializationError, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task WatchFromAHeldResult_YieldsItWithoutAQuery_ThenRefetchesWhenOneOfItsEntitiesChanges()
    {
        var server = new BedServer();
        var client = new ClinicClient(server, Immediate());
        var held = OperationResultFactory.FromData(JsonDocument.Parse($$"""{"beds":[{{BedJson(Bed1, "3B-1", false)}},{{BedJson(Bed2, "3B-2", false)}}]}""").RootElement, GetBedsResultReader.Read);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = client.GetBeds.Watch(held, "3B", cancellation.Token).GetAsyncEnumerator(Ct);

        // Act
        var first = await NextAsync(watch);
        var next = watch.MoveNextAsync();
        client.EntityChanges.Publish(Bed3);
        Assert.False(next.IsCompleted);
        await client.SetBedOccupied.ExecuteAsync(Bed2, occupied: true, Ct);

        // Assert: the held result first, no query for it; a change of another ward's bed passes by; one of its beds refetches.
        Assert.Same(held, first);
        var second = await CurrentAfterAsync(watch, next);
        Assert.True(second.Data!.Beds.Single(b => b.Id == Bed2).Occupied);
        Assert.Equal(1, server.BedQueries);
        await AssertWaitingThenCancelAsync(watch, cancellation);
    }

    [Fact]
    public void WatchQuery_RefusesMutationsAndSubscriptions()
    {
        var request = SetBedOccupiedMutation.CreateRequest(Bed1, occupied: true);

        Assert.Throws<ArgumentException>(() => OperationExecutor.WatchQuery(new BedServer(), Immediate(), request, GetBedsResultReader.Read, Ct));
    }

    private static string BedChanged(string id, bool occupied) => "{\"data\":{\"bedChanged\":" + BedJson(id, label: null, occupied) + "}}";

    private static string BedJson(string id, string? label, bool occupied) =>
        JsonSerializer.Serialize(label is null ? new Dictionary<string, object> { ["id"] = id, ["occupied"] = occupied } : new Dictionary<string, object> { ["id"] = id, ["label"] = label, ["occupied"] = occupied });

    /// <summary>Asserts the watch waits for a change (nothing queued), then ends it: an enumerator is disposed only between items.</summary>
    private static async Task AssertWaitingThenCancelAsync<T>(IAsyncEnumerator<T> watch, CancellationTokenSource cancellation)
    {
        var next = watch.MoveNextAsync();
        Assert.False(next.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }

    private static GraphQLEntityChanges Immediate() => new(new WatchedQueryOptions { QuietPeriod = TimeSpan.Zero });

    private static string GlobalId(string type, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    private static async Task<T> NextAsync<T>(IAsyncEnumerator<T> enumerator) => await CurrentAfterAsync(enumerator, enumerator.MoveNextAsync());

    /// <summary>Awaits a pending MoveNextAsync; the timeout only turns a hang into a failure.</summary>
    private static async Task<T> CurrentAfterAsync<T>(IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext)
    {
        Assert.True(await moveNext.AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct));
        return enumerator.Current;
    }

    /// <summary>Beds in wards 3B (1, 2) and 4A (3) behind <see cref="IGraphQLTransport"/>, answering synchronously.</summary>
    private sealed class BedServer : IGraphQLTransport
    {
        private readonly Lock gate = new();
        private readonly Dictionary<string, (string Ward, string Label, bool Occupied)> beds = new()
        {
            [Bed1] = ("3B", "3B-1", false),
            [Bed2] = ("3B", "3B-2", false),
            [Bed3] = ("4A", "4A-1", false),
        };

        private int bedQueries;
        private int staffQueries;

        public enum FailureMode
        {
            None,
            ErrorResponse,
            Throw,
        }

        public FailureMode Failure { get; set; }

        /// <summary>When set, the next bed query waits for it (and signals <see cref="HeldQueryStarted"/>).</summary>
        public TaskCompletionSource? Hold { get; set; }

        public TaskCompletionSource HeldQueryStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int BedQueries => Volatile.Read(ref bedQueries);

        public int StaffQueries => Volatile.Read(ref staffQueries);

        /// <summary>The events of <c>bedChanged</c>, as response JSON.</summary>
        public Channel<string> Events { get; } = Channel.CreateUnbounded<string>();

        public void SetOccupied(string id, bool occupied)
        {
            lock (gate)
            {
                beds[id] = beds[id] with { Occupied = occupied };
            }
        }

        public Task<GraphQLResponse> ExecuteAsync(GraphQLOperationRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var document = JsonDocument.Parse(request.VariablesToJson());
            var variables = document.RootElement.Clone();
            if (request.OperationName == "GetBeds" && Hold is { } hold)
            {
                Hold = null;
                return AnswerWhenReleasedAsync(hold.Task, () => GetBeds(variables));
            }

            return Task.FromResult(request.OperationName switch
            {
                "GetBeds" => GetBeds(variables),
                "GetStaff" => GetStaff(),
                "SetBedOccupied" => SetBedOccupied(variables),
                _ => throw new InvalidOperationException("Unexpected operation " + request.OperationName),
            });
        }

        public async IAsyncEnumerable<GraphQLResponse> SubscribeAsync(GraphQLOperationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var json in Events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return Respond(json);
            }
        }

        private async Task<GraphQLResponse> AnswerWhenReleasedAsync(Task release, Func<GraphQLResponse> answer)
        {
            HeldQueryStarted.TrySetResult();
            await release;
            return answer();
        }

        private static GraphQLResponse Respond(string json) => GraphQLResponse.Parse(Encoding.UTF8.GetBytes(json));

        private GraphQLResponse GetStaff()
        {
            Interlocked.Increment(ref staffQueries);
            return Respond("""{"data":{"staff":[]}}""");
        }

        private GraphQLResponse GetBeds(JsonElement variables)
        {
            Interlocked.Increment(ref bedQueries);
            switch (Failure)
            {
                case FailureMode.ErrorResponse:
                    return GraphQLResponse.FromError(new GraphQLClientError("Connection refused.", ClientErrorCodes.NetworkError));
                case FailureMode.Throw:
                    throw new HttpRequestException("Connection reset.");
            }

            var ward = variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty("ward", out var w) ? w.GetString() : null;
            lock (gate)
            {
                var items = beds.Where(b => ward is null || b.Value.Ward == ward)
                    .Select(b => BedJson(b.Key, b.Value.Label, b.Value.Occupied));
                return Respond("{\"data\":{\"beds\":[" + string.Join(",", items) + "]}}");
            }
        }

        private GraphQLResponse SetBedOccupied(JsonElement variables)
        {
            var id = variables.GetProperty("id").GetString()!;
            var occupied = variables.GetProperty("occupied").GetBoolean();
            SetOccupied(id, occupied);
            return Respond("{\"data\":{\"setBedOccupied\":" + BedJson(id, label: null, occupied) + "}}");
        }
    }
}
