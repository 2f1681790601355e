using System.Collections.Concurrent;

namespace Gql.Server.Execution;

/// <summary>
/// Runs one request's resolvers on a single logical thread, like an event loop: continuations are queued and run in
/// order, and whenever the queue runs dry the DataLoaders dispatch their batches. Every key requested at one "level"
/// of the query is therefore fetched in one batch, and resolvers never run in parallel on two threads (so a resolver
/// cannot race another over shared state), while their I/O still overlaps.
/// </summary>
public sealed class ExecutionScheduler : SynchronizationContext
{
    private static readonly AsyncLocal<ExecutionScheduler?> CurrentScheduler = new();
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> queue = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly List<IBatchDispatcher> pending = [];

    // 1 while the pump is about to wait or waiting. A resolver chain posts a continuation per DataLoader value (a
    // thousand in a nested list), and releasing the semaphore for each made the pump spin through as many empty
    // waits; now only a post that finds the pump asleep wakes it.
    private int sleeping;

    /// <summary>The scheduler of the request being executed on this async flow, if any.</summary>
    public static ExecutionScheduler? Active => CurrentScheduler.Value;

    /// <summary>Runs <paramref name="work"/> to completion on this scheduler.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var scheduler = new ExecutionScheduler();
        var previousContext = SynchronizationContext.Current;
        var previousScheduler = CurrentScheduler.Value;
        Task<T> task;
        try
        {
            SetSynchronizationContext(scheduler);
            CurrentScheduler.Value = scheduler;
            task = work();
        }
        finally
        {
            SetSynchronizationContext(previousContext);
            CurrentScheduler.Value = previousScheduler;
        }

        await scheduler.PumpUntilAsync(task).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>A DataLoader with queued keys asks to be dispatched when the request next goes idle.</summary>
    public void Enqueue(IBatchDispatcher dispatcher)
    {
        lock (pending)
        {
            if (!pending.Contains(dispatcher))
            {
                pending.Add(dispatcher);
            }
        }

        Wake();
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        queue.Enqueue((d, state));
        Wake();
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous sends would block the request's loop.");

    public override SynchronizationContext CreateCopy() => this;

    private async Task PumpUntilAsync(Task task)
    {
        // The work normally completes in a callback on this loop; should it complete elsewhere, this wakes the loop.
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(Wake);
        while (true)
        {
            // Drain everything runnable; then, if idle, let the DataLoaders fetch what was asked for.
            while (queue.TryDequeue(out var item))
            {
                Run(item.Callback, item.State);
            }

            if (task.IsCompleted)
            {
                return;
            }

            List<IBatchDispatcher>? batch = null;
            lock (pending)
            {
                if (pending.Count > 0)
                {
                    batch = [.. pending];
                    pending.Clear();
                }
            }

            if (batch is not null)
            {
                var previousContext = SynchronizationContext.Current;
                SetSynchronizationContext(this);
                CurrentScheduler.Value = this;
                try
                {
                    foreach (var dispatcher in batch)
                    {
                        dispatcher.Dispatch();
                    }
                }
                finally
                {
                    SetSynchronizationContext(previousContext);
                }

                continue;
            }

            Volatile.Write(ref sleeping, 1);
            if (!queue.IsEmpty || HasPending() || task.IsCompleted)
            {
                // Work arrived between the checks above and going to sleep: stay awake, unless a poster already
                // claimed the wake-up, whose release must then be consumed.
                if (Interlocked.Exchange(ref sleeping, 0) == 1)
                {
                    continue;
                }
            }

            await signal.WaitAsync().ConfigureAwait(false);
        }
    }

    private bool HasPending()
    {
        lock (pending)
        {
            return pending.Count > 0;
        }
    }

    private void Wake()
    {
        if (Volatile.Read(ref sleeping) == 1 && Interlocked.Exchange(ref sleeping, 0) == 1)
        {
            signal.Release();
        }
    }

    private void Run(SendOrPostCallback callback, object? state)
    {
        var previousContext = SynchronizationContext.Current;
        SetSynchronizationContext(this);
        CurrentScheduler.Value = this;
        try
        {
            callback(state);
        }
        finally
        {
            SetSynchronizationContext(previousContext);
        }
    }
}

/// <summary>Something that batches work until the request is idle (a DataLoader).</summary>
public interface IBatchDispatcher
{
    /// <summary>Starts fetching everything queued so far.</summary>
    void Dispatch();
}
