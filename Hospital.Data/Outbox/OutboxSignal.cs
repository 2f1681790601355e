namespace Hospital.Data.Outbox;

/// <summary>
/// Wakes this process's outbox readers as soon as a save here committed outbox rows, so local changes reach live
/// subscribers without waiting for the next poll. Changes made by other processes are found by polling.
/// </summary>
public static class OutboxSignal
{
    private static TaskCompletionSource next = NewSource();

    /// <summary>Completes when the next outbox write of this process commits, or when <paramref name="timeout"/> passes.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when woken by a write, false on timeout.</returns>
    public static async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var task = Volatile.Read(ref next).Task;
        var finished = await Task.WhenAny(task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return finished == task;
    }

    internal static void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Turns outbox writing off for bulk work on the current async flow (the seeder's inserts are not news).</summary>
public static class OutboxScope
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    /// <summary>True while a <see cref="Suppress"/> scope is open on this flow.</summary>
    public static bool IsSuppressed => Suppressed.Value;

    /// <summary>Suppresses outbox rows until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public static IDisposable Suppress()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Suppressed.Value = previous;
    }
}
