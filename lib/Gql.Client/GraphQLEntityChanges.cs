using System.Text.Json;

namespace Gql.Client;

/// <summary>Timing of the re-fetches of watched queries (see <see cref="GraphQLEntityChanges"/>).</summary>
public sealed class WatchedQueryOptions
{
    /// <summary>
    /// A watched query re-fetches once no further change of its entities has arrived for this long, so a burst of
    /// changes causes one re-fetch. Zero re-fetches as soon as the caller asks for the next result. Default 100 ms.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a re-fetch waits for a quiet period while changes keep arriving. Default 1 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of the quiet period; a manual one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// The entities one client has learned changed, and the watched queries that wait for them. An entity is identified
/// by the string value of a field with the response key <c>id</c> (the API's ids are global, unique across types).
/// The client publishes the ids in the data of every mutation result and subscription event; a watched query
/// re-fetches when an id of its latest result is published, or on <see cref="Invalidate"/>.
/// </summary>
/// <remarks>
/// Only ids of entities a result contains are known: a query whose list should gain a new entity does not learn of it
/// this way; call <see cref="Invalidate"/> (or publish an id the list holds) when a page knows better.
/// </remarks>
public sealed class GraphQLEntityChanges
{
    private readonly Lock gate = new();
    private readonly List<EntityWatch> watches = [];
    private readonly TimeProvider time;

    /// <summary>Creates a registry with the default <see cref="WatchedQueryOptions"/>.</summary>
    public GraphQLEntityChanges()
        : this(null)
    {
    }

    /// <summary>Creates a registry.</summary>
    /// <param name="options">The timing of re-fetches; null for the defaults.</param>
    public GraphQLEntityChanges(WatchedQueryOptions? options)
    {
        options ??= new WatchedQueryOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QuietPeriod, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDelay, TimeSpan.Zero, nameof(options));
        QuietPeriod = options.QuietPeriod;
        MaxDelay = options.MaxDelay;
        time = options.TimeProvider ?? throw new ArgumentException("The options have no TimeProvider.", nameof(options));
    }

    /// <summary>See <see cref="WatchedQueryOptions.QuietPeriod"/>.</summary>
    public TimeSpan QuietPeriod { get; }

    /// <summary>See <see cref="WatchedQueryOptions.MaxDelay"/>.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The number of watched queries currently enumerated.</summary>
    public int WatchedQueryCount
    {
        get
        {
            lock (gate)
            {
                return watches.Count;
            }
        }
    }

    /// <summary>Marks entities as changed: every watched query whose latest result contains one of them re-fetches.</summary>
    /// <param name="ids">The entities' ids; null and empty ones are ignored.</param>
    public void Publish(params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var changed = new HashSet<string>(ids.Where(id => !string.IsNullOrEmpty(id)), StringComparer.Ordinal);
        Publish(changed);
    }

    /// <summary>Makes every watched query of the client re-fetch, whatever its entities.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            foreach (var watch in watches)
            {
                watch.OnInvalidated();
            }
        }
    }

    /// <summary>Publishes the entity ids in the <c>data</c> of a response (mutation results, subscription events).</summary>
    internal void PublishFrom(GraphQLResponse response)
    {
        if (FindEntityIds(response) is { } ids)
        {
            Publish(ids);
        }
    }

    /// <summary>Registers a watched query; dispose the watch when the query's enumeration ends.</summary>
    internal EntityWatch Watch()
    {
        var watch = new EntityWatch(this);
        lock (gate)
        {
            watches.Add(watch);
        }

        return watch;
    }

    /// <summary>The string values of every <c>id</c> member in a response's <c>data</c>; null when it has no data object.</summary>
    internal static HashSet<string>? FindEntityIds(GraphQLResponse response)
    {
        if (response.Document?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return FindEntityIds(data);
    }

    /// <summary>The string values of every <c>id</c> member in a <c>data</c> object.</summary>
    internal static HashSet<string> FindEntityIds(JsonElement data)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        CollectIds(data, ids);
        return ids;
    }

    private static void CollectIds(JsonElement element, HashSet<string> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("id") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        if (property.Value.GetString() is { Length: > 0 } id)
                        {
                            ids.Add(id);
                        }
                    }
                    else
                    {
                        CollectIds(property.Value, ids);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectIds(item, ids);
                }

                break;
        }
    }

    private void Publish(HashSet<string> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var watch in watches)
            {
                watch.OnChanged(changed);
            }
        }
    }

    /// <summary>
    /// One watched query's view of the changes. Its state is guarded by the registry's lock, so a change published
    /// while the query is being fetched is checked against the result that fetch returns, never lost.
    /// </summary>
    internal sealed class EntityWatch(GraphQLEntityChanges owner) : IDisposable
    {
        // Null until a result had data: an unknown result may contain any entity, so any change wakes the query.
        private HashSet<string>? ids;
        private bool fetching;
        private HashSet<string>? changedDuringFetch;
        private bool invalidatedDuringFetch;
        private bool dirty;
        private long version;
        private TaskCompletionSource? waiter;

        /// <summary>Call before sending the request: changes from now on concern the result it will return.</summary>
        public void BeginFetch()
        {
            lock (owner.gate)
            {
                fetching = true;
                dirty = false;
                changedDuringFetch = null;
                invalidatedDuringFetch = false;
            }
        }

        /// <summary>Call with the ids of the result; re-arms the watch at once if one of them changed meanwhile.</summary>
        /// <param name="resultIds">The ids of the result's data, or null when it had none (the previous ids stay).</param>
        /// <param name="complete">True when the result had no errors, so its ids replace the previous ones; otherwise
        /// (partial data) both are kept, since the entities missing now may be back in the next result.</param>
        public void EndFetch(HashSet<string>? resultIds, bool complete)
        {
            lock (owner.gate)
            {
                fetching = false;
                if (resultIds is not null)
                {
                    if (complete || ids is null)
                    {
                        ids = resultIds;
                    }
                    else
                    {
                        ids.UnionWith(resultIds);
                    }
                }

                if (invalidatedDuringFetch || (changedDuringFetch is not null && (ids is null || Intersect(changedDuringFetch, ids))))
                {
                    MarkDirty();
                }

                changedDuringFetch = null;
                invalidatedDuringFetch = false;
            }
        }

        /// <summary>Waits until the result is stale, then for the quiet period (see <see cref="WatchedQueryOptions"/>).</summary>
        public async Task WaitForChangeAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Task signal;
                lock (owner.gate)
                {
                    if (dirty)
                    {
                        break;
                    }

                    waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    signal = waiter.Task;
                }

                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (owner.QuietPeriod <= TimeSpan.Zero)
            {
                return;
            }

            var started = owner.time.GetTimestamp();
            while (true)
            {
                long seen;
                lock (owner.gate)
                {
                    seen = version;
                }

                var remaining = owner.MaxDelay - owner.time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(remaining < owner.QuietPeriod ? remaining : owner.QuietPeriod, owner.time, cancellationToken).ConfigureAwait(false);
                lock (owner.gate)
                {
                    if (version == seen)
                    {
                        return;
                    }
                }
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.watches.Remove(this);
                waiter?.TrySetCanceled();
                waiter = null;
            }
        }

        /// <summary>Called under the registry's lock.</summary>
        internal void OnChanged(HashSet<string> changed)
        {
            if (fetching)
            {
                (changedDuringFetch ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(changed);
            }
            else if (ids is null || Intersect(changed, ids))
            {
                MarkDirty();
            }
        }

        /// <summary>Called under the registry's lock.</summary>
        internal void OnInvalidated()
        {
            if (fetching)
            {
                invalidatedDuringFetch = true;
            }
            else
            {
                MarkDirty();
            }
        }

        // Walks the smaller set: a publish names a few ids, a result may hold hundreds.
        private static bool Intersect(HashSet<string> a, HashSet<string> b) =>
            a.Count <= b.Count ? a.Any(b.Contains) : b.Any(a.Contains);

        private void MarkDirty()
        {
            dirty = true;
            version++;
            waiter?.TrySetResult();
            waiter = null;
        }
    }
}
