using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hospital.Web.Tests;

/// <summary>
/// Holds the app's database reads that match a piece of SQL until the test opens the gate, so a page's loading state
/// can be seen however fast the in-process API answers.
/// </summary>
public sealed class QueryGate : DbCommandInterceptor
{
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

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref gate) is { } closed && match is { } fragment && command.CommandText.Contains(fragment, StringComparison.Ordinal))
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}
