using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Live;

/// <summary>
/// Reads new outbox rows (written by any process in the same transaction as the change) and republishes each on its
/// topic's channels (the topic, and one per scope: <c>AppointmentChanged:doctor:7</c>), where this instance's
/// subscriptions listen. A local write (and on PostgreSQL any instance's write, through <see cref="OutboxListener"/>)
/// wakes it at once; otherwise it polls.
/// <para>
/// Delivery is at least once. Every instance keeps its own cursor (<see cref="OutboxCursor"/>, named by
/// <c>Hospital:InstanceId</c>), advanced only after the rows up to it were handed to the subscribers. A new instance
/// starts at the newest row; a restarted one finds the rows after its cursor (an instance that died between a commit
/// and the hand-over) and publishes them after <c>Hospital:Outbox:ReplayDelay</c> (3 s), so its clients have
/// reconnected to hear them. Subscribers skip an event id they have already had (<see cref="LiveEvents"/>).
/// </para>
/// </summary>
public sealed partial class OutboxRelay(IDbContextFactory<HospitalDbContext> factory, ITopicEventSender sender, OutboxSignal signal, IConfiguration configuration, ILogger<OutboxRelay> logger, TimeProvider clock) : BackgroundService
{
    /// <summary>How often other processes' writes are looked for (PostgreSQL wakes the relay sooner).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long rows are kept before they are deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    // Ids are handed out before commit, so a row can commit after a higher one was read: look back this many ids and
    // skip the ones already relayed.
    private const int LookBack = 256;

    private readonly HashSet<long> relayed = [];
    private readonly TimeSpan replayDelay = configuration.GetValue("Hospital:Outbox:ReplayDelay", TimeSpan.FromSeconds(3));
    private long highWater;
    private DateTimeOffset nextPrune;

    /// <summary>The name of this instance's cursor: <c>Hospital:InstanceId</c>, or the machine name.</summary>
    public string InstanceId { get; } = configuration["Hospital:InstanceId"] is { Length: > 0 } id ? id : Environment.MachineName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var backlog = await ReadCursorAsync(stoppingToken);
            if (backlog > 0)
            {
                LogReplay(logger, InstanceId, backlog, replayDelay.TotalSeconds);
                await Task.Delay(replayDelay, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayAsync(stoppingToken);
                await PruneAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; keep going.
                LogFailed(logger, e);
                try
                {
                    await Task.Delay(PollInterval * 5, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Relays the rows not yet relayed, then advances this instance's cursor past them; returns how many.</summary>
    internal async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var from = highWater - LookBack;
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Id > from).OrderBy(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        var count = 0;
        try
        {
            foreach (var row in rows)
            {
                if (relayed.Contains(row.Id))
                {
                    continue;
                }

                // One message object for every channel and subscriber: they share its entity load (ChangeLoader).
                var message = new ChangeMessage(row.Id, row.EntityId);
                foreach (var channel in ChangeTopic.Channels(row.Topic, row.Scope))
                {
                    await sender.SendAsync(channel, message, cancellationToken);
                }

                relayed.Add(row.Id);
                highWater = Math.Max(highWater, row.Id);
                count++;
            }
        }
        finally
        {
            if (count > 0)
            {
                // Only what was handed over: a row whose hand-over failed stays after the cursor.
                var now = clock.GetUtcNow().UtcDateTime;
                await db.OutboxCursors.Where(c => c.InstanceId == InstanceId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastId, highWater).SetProperty(c => c.UpdatedAt, now), CancellationToken.None);
            }
        }

        relayed.RemoveWhere(id => id <= highWater - LookBack);
        return count;
    }

    /// <summary>
    /// Reads this instance's cursor (a new instance starts at the newest row and records it); returns how many rows
    /// after the cursor wait to be published.
    /// </summary>
    internal async Task<int> ReadCursorAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                var cursor = await db.OutboxCursors.AsNoTracking().SingleOrDefaultAsync(c => c.InstanceId == InstanceId, cancellationToken);
                if (cursor is null)
                {
                    highWater = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
                    db.OutboxCursors.Add(new OutboxCursor { InstanceId = InstanceId, LastId = highWater, UpdatedAt = clock.GetUtcNow().UtcDateTime });
                    await db.SaveChangesAsync(cancellationToken);
                }
                else
                {
                    highWater = cursor.LastId;
                }

                var from = highWater - LookBack;
                var last = highWater;
                relayed.UnionWith(await db.OutboxMessages.Where(m => m.Id > from && m.Id <= last).Select(m => m.Id).ToListAsync(cancellationToken));
                return await db.OutboxMessages.CountAsync(m => m.Id > last, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away, or another process with this instance id recorded the cursor first.
                LogFailed(logger, e);
                await Task.Delay(PollInterval * 5, clock, cancellationToken);
            }
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < nextPrune)
        {
            return;
        }

        nextPrune = now.AddMinutes(5);
        var cutoff = now.UtcDateTime - Retention;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying outbox events failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: instance {Instance} has {Count} events it did not publish before it stopped; publishing them in {Seconds} s")]
    private static partial void LogReplay(ILogger logger, string instance, int count, double seconds);
}
