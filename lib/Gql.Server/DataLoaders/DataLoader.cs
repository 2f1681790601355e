using Gql.Server.Execution;

namespace Gql.Server.DataLoaders;

/// <summary>
/// Batches and caches loads by key for one request: every <see cref="LoadAsync(TKey, CancellationToken)"/> made
/// while the request is busy is answered by one call to <see cref="FetchAsync"/> when it goes idle (see
/// <see cref="ExecutionScheduler"/>). Register loaders as scoped services: one instance, one cache, per request.
/// </summary>
public abstract class DataLoaderBase<TKey, TValue> : IBatchDispatcher
    where TKey : notnull
{
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> cache = [];
    private readonly List<TKey> queued = [];
    private readonly object gate = new();
    private CancellationToken cancellation;
    private Dictionary<string, DataLoaderBase<TKey, TValue>>? branches;

    /// <summary>What this branch was made for (see <see cref="Branch"/>), e.g. a <see cref="Projection{T}"/>; null on the loader itself.</summary>
    protected object? BranchState { get; private set; }

    /// <summary>Number of batches fetched so far (tests and diagnostics).</summary>
    public int BatchCount { get; private set; }

    public Task<TValue> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<TValue> promise;
        var dispatchNow = false;
        lock (gate)
        {
            if (cache.TryGetValue(key, out var cached))
            {
                return cached.Task;
            }

            // In a request the batch completes on the request's loop, where the waiting resolvers may go on at once
            // (inline, on the loop that runs them anyway) instead of each being queued back to it; elsewhere their
            // continuations must not run inside the fetch.
            var scheduler = ExecutionScheduler.Active;
            promise = new TaskCompletionSource<TValue>(scheduler is null ? TaskCreationOptions.RunContinuationsAsynchronously : TaskCreationOptions.None);
            cache[key] = promise;
            queued.Add(key);
            cancellation = cancellationToken;
            if (queued.Count == 1)
            {
                if (scheduler is not null)
                {
                    scheduler.Enqueue(this);
                }
                else
                {
                    dispatchNow = true;
                }
            }
        }

        if (dispatchNow)
        {
            // Outside a GraphQL request there is no idle point to wait for: fetch at once.
            Dispatch();
        }

        return promise.Task;
    }

    public async Task<IReadOnlyList<TValue>> LoadAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(keys.Select(k => LoadAsync(k, cancellationToken)));

    /// <summary>
    /// A loader of the same kind with a cache and batches of its own, for one variant of the fetch named by
    /// <paramref name="key"/> (e.g. one projection of the entity). The same key gives the same branch for the rest of
    /// the request; <paramref name="state"/> (read by the fetch as <see cref="BranchState"/>) is made only the first time.
    /// </summary>
    public DataLoaderBase<TKey, TValue> Branch<TState>(string key, Func<string, TState> state)
        where TState : class
    {
        lock (gate)
        {
            branches ??= new Dictionary<string, DataLoaderBase<TKey, TValue>>(StringComparer.Ordinal);
            if (!branches.TryGetValue(key, out var branch))
            {
                branch = CreateBranch();
                branch.BranchState = state(key);
                branches[key] = branch;
            }

            return branch;
        }
    }

    /// <summary>A new, empty loader of this kind (generated loaders implement it).</summary>
    protected virtual DataLoaderBase<TKey, TValue> CreateBranch() =>
        throw new NotSupportedException($"{GetType().Name} has no branches: its fetch takes no projection.");

    void IBatchDispatcher.Dispatch() => Dispatch();

    /// <summary>Fetches the values of the keys; keys missing from the result get <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value for a key the fetch did not return.</summary>
    protected abstract TValue Missing(TKey key);

    private async void Dispatch()
    {
        List<TKey> keys;
        List<TaskCompletionSource<TValue>> promises;
        lock (gate)
        {
            keys = [.. queued];
            queued.Clear();
            promises = keys.Select(k => cache[k]).ToList();
        }

        if (keys.Count == 0)
        {
            return;
        }

        BatchCount++;
        try
        {
            var values = await FetchAsync(keys, cancellation);
            for (var i = 0; i < keys.Count; i++)
            {
                promises[i].TrySetResult(values.TryGetValue(keys[i], out var value) ? value : Missing(keys[i]));
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                // A failed batch is not cached: a later request for the key tries again.
                keys.ForEach(k => cache.Remove(k));
            }

            promises.ForEach(p => p.TrySetException(e));
        }
    }
}

/// <summary>Loads one value per key (e.g. a patient by id); a missing key gives null.</summary>
public abstract class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue?>
    where TKey : notnull
{
    protected sealed override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await LoadBatchAsync(keys, cancellationToken);
        return values.ToDictionary(kv => kv.Key, kv => (TValue?)kv.Value);
    }

    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected sealed override TValue? Missing(TKey key) => default;
}

/// <summary>Loads a group of values per key (e.g. appointments by patient id); a missing key gives an empty array.</summary>
public abstract class GroupedDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue[]>
    where TKey : notnull
{
    protected sealed override async Task<IReadOnlyDictionary<TKey, TValue[]>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var lookup = await LoadGroupedBatchAsync(keys, cancellationToken);
        return keys.Distinct().ToDictionary(k => k, k => lookup[k].ToArray());
    }

    protected abstract Task<ILookup<TKey, TValue>> LoadGroupedBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected sealed override TValue[] Missing(TKey key) => [];
}
