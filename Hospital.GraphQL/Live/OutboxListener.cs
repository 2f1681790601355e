using Hospital.Data;
using Hospital.Data.Outbox;
using Npgsql;

namespace Hospital.GraphQL.Live;

/// <summary>
/// On PostgreSQL, listens on <see cref="OutboxSignal.Channel"/> on a connection of its own and wakes this instance's
/// <see cref="OutboxRelay"/> when any instance commits outbox rows, so a change made through another instance reaches
/// subscribers here without waiting for the poll. The notification carries nothing: the outbox stays the truth, and
/// a lost notification (a dropped connection) only means the next poll finds the rows. Other providers poll.
/// </summary>
public sealed partial class OutboxListener(HospitalDataOptions options, OutboxSignal signal, ILogger<OutboxListener> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => signal.Notify();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + OutboxSignal.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Rows written while the listener was away are found now.
                signal.Notify();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(logger, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for outbox notifications failed; polling until it is back")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
