using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using Npgsql;

namespace Hospital.Data;

/// <summary>
/// A lock held while an instance creates or upgrades the schema and seeds, so two instances starting on an empty
/// database do not both do it: a PostgreSQL session advisory lock (taken in the <c>postgres</c> maintenance database,
/// since the target may not exist yet), a MySQL <c>GET_LOCK</c>, and nothing on SQLite, where one instance is the rule.
/// Released when disposed (or when the process dies, with its connection).
/// </summary>
public static class DatabaseLock
{
    /// <summary>Waits for the start-up lock of the database in <paramref name="options"/>.</summary>
    /// <param name="options">The database.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The held lock.</returns>
    public static async Task<IAsyncDisposable> AcquireAsync(HospitalDataOptions options, CancellationToken cancellationToken = default)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
            {
                var target = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                var connection = await OpenPostgresAsync(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = "postgres", Pooling = false }, cancellationToken)
                    ?? await OpenPostgresAsync(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }, cancellationToken)
                    ?? throw new InvalidOperationException("Cannot connect to PostgreSQL to take the start-up lock.");
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", Key(target.Host + "/" + target.Database));
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new Held(connection);
            }

            case DatabaseProvider.MySql:
            {
                var builder = new MySqlConnectionStringBuilder(options.ConnectionString);
                var name = "hospital_start:" + builder.Database;
                builder.Database = "";
                builder.Pooling = false;
                var connection = new MySqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                while (true)
                {
                    await using var command = new MySqlCommand("SELECT GET_LOCK(@name, 10)", connection);
                    command.Parameters.AddWithValue("@name", name.Length > 64 ? name[..64] : name);
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L) == 1)
                    {
                        return new Held(connection);
                    }
                }
            }

            default:
                return new Held(null);
        }
    }

    private static async Task<NpgsqlConnection?> OpenPostgresAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InsufficientPrivilege)
        {
            // No maintenance database for this account: lock in the target database instead.
            await connection.DisposeAsync();
            return null;
        }
    }

    private static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("hospital-start:" + name)), 0);

    private sealed class Held(System.Data.Common.DbConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
