using System.Threading.Channels;
using Hospital.Data;
using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Audit;

/// <summary>
/// Writes the read entries of many requests in one transaction (group commit). Each request hands over its entries and
/// waits until they are committed, so its response still goes out only after its reads are logged; but concurrent
/// requests share one connection, one transaction and one commit instead of each opening its own and queueing for the
/// database's write lock (SQLite has one writer). A batch that fails is written again request by request, so one bad
/// entry fails only its own request.
/// </summary>
public sealed partial class AuditReadBatcher : IAsyncDisposable
{
    // A batch is whatever queued while the previous one was being written, up to this many requests.
    private const int MaxRequestsPerBatch = 256;

    private readonly IDbContextFactory<HospitalDbContext> factory;
    private readonly ILogger<AuditReadBatcher> logger;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public AuditReadBatcher(IDbContextFactory<HospitalDbContext> factory, ILogger<AuditReadBatcher> logger)
    {
        this.factory = factory;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues one request's entries (one per patient, sharing <paramref name="template"/>) and completes once they are committed.</summary>
    /// <param name="template">What every entry of the request shares.</param>
    /// <param name="patientIds">The patients read, one entry each.</param>
    /// <returns>A task that completes when the entries are committed, or fails when they could not be written.</returns>
    public Task WriteAsync(AuditEntry template, IReadOnlyList<int> patientIds)
    {
        var pending = new Pending(template, patientIds, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending) ? pending.Written.Task : Task.FromException(new ObjectDisposedException(nameof(AuditReadBatcher)));
    }

    public async ValueTask DisposeAsync()
    {
        // What is queued is still written: those requests are waiting for it.
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxRequestsPerBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxRequestsPerBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch);
                batch.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception e) when (batch.Count > 1)
            {
                Log.BatchFailed(logger, batch.Count, e);
                foreach (var pending in batch)
                {
                    await WriteAloneAsync(pending);
                }
            }
            catch (Exception e)
            {
                batch[0].Written.TrySetException(e);
            }
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteAsync([pending]);
            pending.Written.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Written.TrySetException(e);
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        // Not a request's token: the answers exist, so their log entries must be written even if the clients have gone.
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        foreach (var pending in batch)
        {
            await AuditWriter.InsertAsync(db, pending.Template, pending.PatientIds, CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private sealed record Pending(AuditEntry Template, IReadOnlyList<int> PatientIds, TaskCompletionSource Written);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Writing the read audit entries of {Requests} requests together failed; writing them one request at a time")]
        public static partial void BatchFailed(ILogger logger, int requests, Exception exception);
    }
}
