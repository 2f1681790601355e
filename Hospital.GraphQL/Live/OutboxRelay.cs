using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Live;

/// <summary>
/// Reads new outbox rows (written by any process in the same transaction as the change) and republishes each on its
/// topic's channels (the topic, and one per scope: <c>AppointmentChanged:doctor:7</c>), where this instance's
/// subscriptions listen. A local write wakes it at once; writes
/// of other instances are found by polling. It starts at the newest row, so it relays changes made while it runs.
/// </summary>
public sealed partial class OutboxRelay(IDbContextFactory<HospitalDbContext> factory, ITopicEventSender sender, OutboxSignal signal, ILogger<OutboxRelay> logger, TimeProvider clock) : BackgroundService
{
    /// <summary>How often other processes' writes are looked for.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long rows are kept before they are deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    // Ids are handed out before commit, so a row can commit after a higher one was read: look back this many ids and
    // skip the ones already relayed.
    private const int LookBack = 256;

    private readonly HashSet<long> relayed = [];
    private long highWater;
    private DateTimeOffset nextPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartAtNewestAsync(stoppingToken);
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

    /// <summary>Relays the rows not yet relayed; returns how many.</summary>
    internal async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var from = highWater - LookBack;
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Id > from).OrderBy(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var row in rows)
        {
            if (!relayed.Add(row.Id))
            {
                continue;
            }

            // One message object for every channel and subscriber: they share its entity load (ChangeLoader).
            var message = new ChangeMessage(row.Id, row.EntityId);
            foreach (var channel in ChangeTopic.Channels(row.Topic, row.Scope))
            {
                await sender.SendAsync(channel, message, cancellationToken);
            }

            highWater = Math.Max(highWater, row.Id);
            count++;
        }

        relayed.RemoveWhere(id => id <= highWater - LookBack);
        return count;
    }

    /// <summary>Marks everything already in the outbox as relayed: subscribers hear about changes from now on.</summary>
    internal async Task StartAtNewestAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                highWater = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
                var from = highWater - LookBack;
                relayed.UnionWith(await db.OutboxMessages.Where(m => m.Id > from).Select(m => m.Id).ToListAsync(cancellationToken));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
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
}
