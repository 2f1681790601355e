using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hospital.Web.Tests;

/// <summary>
/// Holds the app's database reads that match a piece of SQL until the test opens the gate, so a page's loading state
/// can be seen however fast the in-process API answers. It also keeps the reads' SQL, so a test can tell what a page
/// asked the database for (browser tests run one at a time).
/// </summary>
public sealed class QueryGate : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> seen = new();
    private TaskCompletionSource? gate;
    private string? match;

    /// <summary>Holds every read whose SQL contains <paramref name="sqlFragment"/> from now on.</summary>
    public void Close(string sqlFragment)
    {
        match = sqlFragment;
        Volatile.Write(ref gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Lets the held reads (and all later ones) through.</summary>
    public void Open() => Interlocked.Exchange(ref gate, null)?.TrySetResult();

    /// <summary>Forgets the reads seen so far.</summary>
    public void ForgetSeen() => seen.Clear();

    /// <summary>How many reads since <see cref="ForgetSeen"/> contained every one of <paramref name="fragments"/>.</summary>
    public int CountSeen(params string[] fragments) => seen.Count(sql => fragments.All(f => sql.Contains(f, StringComparison.Ordinal)));

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        seen.Enqueue(command.CommandText);
        if (Volatile.Read(ref gate) is { } closed && match is { } fragment && command.CommandText.Contains(fragment, StringComparison.Ordinal))
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}
