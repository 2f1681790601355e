using Npgsql;

namespace Hospital.Testing;

/// <summary>
/// A real PostgreSQL started once per test run from the machine's binaries, in a temporary folder, on a free port.
/// When the binaries are missing, <see cref="SkipReason"/> says what to install and the PostgreSQL tests skip.
/// </summary>
public sealed class PostgresServer : IDatabaseServer
{
    private string? folder;
    private string? binaries;

    public string? SkipReason { get; private set; }
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        binaries = FindBinaries();
        if (binaries is null)
        {
            SkipReason = "PostgreSQL binaries (initdb, pg_ctl) not found: install the Debian package 'postgresql' (CI does).";
            return;
        }

        folder = Directory.CreateTempSubdirectory("hospital-pg-").FullName;
        Port = ServerProcess.FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb and postgres refuse to run as root: hand the folder to the postgres user.
            await ServerProcess.RunAsync("chown", $"-R postgres:postgres {folder}");
        }

        await ServerProcess.RunAsync(Path.Combine(binaries, "initdb"), $"-D {folder}/data -A trust -U postgres --no-sync -E UTF8", asRoot);
        var options = $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await ServerProcess.RunAsync(Path.Combine(binaries, "pg_ctl"), $"-D {folder}/data -o \"{options}\" -l {folder}/log -w start", asRoot);
    }

    public async ValueTask DisposeAsync()
    {
        if (binaries is not null && folder is not null)
        {
            try
            {
                await ServerProcess.RunAsync(Path.Combine(binaries, "pg_ctl"), $"-D {folder}/data -m immediate stop", Environment.UserName == "root");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private static string? FindBinaries()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (fromEnv is not null && File.Exists(Path.Combine(fromEnv, "initdb")))
        {
            return fromEnv;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
    }
}
