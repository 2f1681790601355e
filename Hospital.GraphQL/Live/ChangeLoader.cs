using System.Collections.Concurrent;
using System.Linq.Expressions;
using Hospital.Data;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Live;

/// <summary>
/// Loads the entity a change event is about, once per event for every subscriber of this process. A DataLoader per
/// subscription would query once per subscriber; this one is shared: the first subscriber to ask for an event starts
/// its load, the others await the same task, and events that arrive together are fetched in one batch
/// (<c>WHERE id IN (...)</c>). Entities are read as they are when the event is handled, without tracking.
/// </summary>
public sealed class ChangeLoader<T>(IDbContextFactory<HospitalDbContext> factory, Func<HospitalDbContext, IQueryable<T>> query, Expression<Func<T, int>> key)
    where T : class
{
    // Recent events only: subscribers handle an event within moments of each other.
    private const int Remembered = 1024;

    private readonly ConcurrentDictionary<long, Lazy<Task<T?>>> byEvent = new();
    private readonly ConcurrentQueue<long> order = new();
    private readonly Lock gate = new();
    private Dictionary<int, TaskCompletionSource<T?>>? batch;

    /// <summary>Number of queries made so far (tests and diagnostics).</summary>
    public int QueryCount { get; private set; }

    /// <summary>The entity of <paramref name="change"/> as it is now, or null when it is gone.</summary>
    public Task<T?> LoadAsync(ChangeMessage change)
    {
        var load = byEvent.GetOrAdd(change.EventId, _ => new Lazy<Task<T?>>(() => Enqueue(change.EntityId)));
        if (!load.IsValueCreated)
        {
            order.Enqueue(change.EventId);
            while (order.Count > Remembered && order.TryDequeue(out var old))
            {
                byEvent.TryRemove(old, out _);
            }
        }

        return load.Value;
    }

    private Task<T?> Enqueue(int entityId)
    {
        lock (gate)
        {
            if (batch is null)
            {
                batch = [];
                _ = DispatchAsync();
            }

            if (!batch.TryGetValue(entityId, out var promise))
            {
                batch[entityId] = promise = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return promise.Task;
        }
    }

    private async Task DispatchAsync()
    {
        // Let the other events relayed in the same pass join the batch.
        await Task.Yield();
        Dictionary<int, TaskCompletionSource<T?>> current;
        lock (gate)
        {
            current = batch!;
            batch = null;
        }

        try
        {
            QueryCount++;
            await using var db = await factory.CreateDbContextAsync();
            var rows = await query(db).AsNoTracking().ByKeysAsync(current.Keys.ToList(), key, CancellationToken.None);
            foreach (var (id, promise) in current)
            {
                promise.TrySetResult(rows.GetValueOrDefault(id));
            }
        }
        catch (Exception e)
        {
            foreach (var promise in current.Values)
            {
                promise.TrySetException(e);
            }
        }
    }
}
