namespace Gql.Client.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>, so delays (<c>Task.Delay(…, timeProvider)</c>)
/// fire at points the test chooses. One-shot timers only, which is what <c>Task.Delay</c> uses.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> scheduled = [];
    private readonly SemaphoreSlim timerScheduled = new(0);
    private DateTimeOffset now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer has been scheduled (one completion per scheduled timer).</summary>
    public async Task WaitForTimerAsync() =>
        Assert.True(await timerScheduled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "No timer was scheduled within 30 s.");

    /// <summary>Moves the clock and runs the callbacks of the timers now due, outside the lock (they may schedule more).</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = scheduled.Where(t => t.DueAt <= now).ToList();
            scheduled.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            {
                throw new NotSupportedException("ManualTimeProvider has one-shot timers only.");
            }

            lock (owner.gate)
            {
                owner.scheduled.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner.now + dueTime;
                owner.scheduled.Add(this);
            }

            owner.timerScheduled.Release();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.scheduled.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
