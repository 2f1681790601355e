using Gql.Client;

namespace Hospital.Web.Components.Live;

/// <summary>Where a page's live updates stand, for the indicator staff see.</summary>
public enum LiveState
{
    /// <summary>Subscribing.</summary>
    Connecting,

    /// <summary>Subscribed: changes appear as they happen.</summary>
    Live,

    /// <summary>The connection was lost; retrying with growing pauses (the page shows what it last loaded).</summary>
    Reconnecting,
}

/// <summary>
/// Keeps a page current: follows the subscriptions it names and applies each event's payload to what the page shows
/// (when the page can); otherwise, or when it cannot, calls the page's reload once per burst (debounced), so ten
/// check-ins in a second cost one query. Start it before the page's first load, so no
/// change falls between loading and listening. A dropped stream is resumed with backoff and followed by a reload,
/// since events in the gap are lost. Dispose it with the component.
/// </summary>
public sealed class LiveUpdates(Func<Task> reload, Action stateChanged, TimeProvider clock, ILogger logger, TimeSpan? debounce = null) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> followers = [];
    private readonly TimeSpan quiet = debounce ?? TimeSpan.FromMilliseconds(250);
    private int reloadScheduled;

    public LiveState State { get; private set; } = LiveState.Connecting;

    /// <summary>When the last change arrived, or null before the first.</summary>
    public DateTimeOffset? LastChange { get; private set; }

    /// <summary>
    /// Follows one subscription; <paramref name="watch"/> starts it (the generated client's <c>Watch</c>).
    /// <paramref name="apply"/>, when given, puts an event's payload into the page and says whether it could; an event
    /// it could not apply reloads.
    /// </summary>
    public void Follow<TData>(Func<CancellationToken, IAsyncEnumerable<IOperationResult<TData>>> watch, Func<TData, Task<bool>>? apply = null)
        where TData : class =>
        followers.Add(Task.Run(() => FollowAsync(watch, apply)));

    private async Task FollowAsync<TData>(Func<CancellationToken, IAsyncEnumerable<IOperationResult<TData>>> watch, Func<TData, Task<bool>>? apply)
        where TData : class
    {
        var retry = FirstRetry;
        var resubscribing = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                SetState(LiveState.Live);

                // After a reconnect the page missed what happened meanwhile: reload once the subscription runs again.
                if (resubscribing)
                {
                    ScheduleReload();
                }

                resubscribing = true;

                await foreach (var result in watch(stop.Token))
                {
                    if (result.Errors.Count > 0)
                    {
                        Log.StreamFailed(logger, string.Join("; ", result.Errors.Select(e => e.Message)));
                        break;
                    }

                    retry = FirstRetry;
                    LastChange = clock.GetUtcNow();
                    if (apply is null || result.Data is not { } data || !await apply(data))
                    {
                        ScheduleReload();
                    }
                    else
                    {
                        stateChanged();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.StreamFailed(logger, e.Message);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            SetState(LiveState.Reconnecting);
            try
            {
                await Task.Delay(retry, clock, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private void ScheduleReload()
    {
        if (Interlocked.Exchange(ref reloadScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(quiet, clock, stop.Token);
                Interlocked.Exchange(ref reloadScheduled, 0);
                await reload();
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                Log.ReloadFailed(logger, e);
            }
        });
    }

    private void SetState(LiveState state)
    {
        if (State != state)
        {
            State = state;
            stateChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(followers);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "A live update stream ended: {Reason}; resubscribing")]
    public static partial void StreamFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading after a live update failed")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);
}
