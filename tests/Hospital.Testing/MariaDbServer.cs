using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace Hospital.Testing;

/// <summary>
/// A real MariaDB (standing in for MySQL) started once per test run from the machine's binaries, in a temporary folder,
/// on a free port. When the binaries are missing, <see cref="SkipReason"/> says what to install and the MariaDB tests skip.
/// </summary>
public sealed class MariaDbServer : IDatabaseServer
{
    private string? folder;
    private Process? server;

    public string? SkipReason { get; private set; }
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var daemon = FindBinary("mariadbd", "/usr/sbin", "/usr/bin");
        var installer = FindBinary("mariadb-install-db", "/usr/bin", "/usr/sbin");
        if (daemon is null || installer is null)
        {
            SkipReason = "MariaDB binaries (mariadbd, mariadb-install-db) not found: install the Debian package 'mariadb-server' (CI does).";
            return;
        }

        folder = Directory.CreateTempSubdirectory("hospital-maria-").FullName;
        Port = ServerProcess.FreePort();
        var user = Environment.UserName == "root" ? "--user=root " : "";
        await ServerProcess.RunAsync(installer, $"{user}--datadir={folder}/data --auth-root-authentication-method=normal --skip-test-db");

        // Durability traded for speed (a throwaway server), utf8mb4 so the server default is not latin1.
        var arguments = $"--no-defaults {user}--datadir={folder}/data --socket={folder}/sock --pid-file={folder}/pid --port={Port} " +
            "--bind-address=127.0.0.1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci " +
            "--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=256M --skip-log-bin " +
            "--max-connections=300 --skip-name-resolve";
        server = Process.Start(new ProcessStartInfo(daemon, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        })!;
        var log = new System.Text.StringBuilder();
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(ConnectionString(""));
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception e)
            {
                string text;
                lock (log)
                {
                    text = log.ToString();
                }

                throw new InvalidOperationException($"MariaDB did not start on port {Port}: {e.Message}\n{text}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server.Dispose();
        }

        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A connection string for <paramref name="database"/> (created on first use by the schema manager; empty for the server alone).</summary>
    public string ConnectionString(string database) =>
        new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)Port,
            UserID = "root",
            Database = database,
            Pooling = true,
            MaximumPoolSize = 50,
        }.ConnectionString;

    private static string? FindBinary(string name, params string[] folders) =>
        folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);

}

/// <summary>A database server a test run starts from the machine's binaries, or the reason it could not.</summary>
public interface IDatabaseServer : IAsyncLifetime
{
    string? SkipReason { get; }

    string ConnectionString(string database);
}

/// <summary>Starting the servers' programs: a free loopback port, and a command that must succeed.</summary>
internal static class ServerProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task RunAsync(string file, string arguments, bool asPostgres = false)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr} {await stdout}");
        }
    }
}

/// <summary>The server databases a test run starts once per assembly: PostgreSQL and MariaDB, side by side.</summary>
public sealed class DatabaseServers : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();
    public MariaDbServer MariaDb { get; } = new();

    public async ValueTask InitializeAsync() => await Task.WhenAll(Postgres.InitializeAsync().AsTask(), MariaDb.InitializeAsync().AsTask());

    public async ValueTask DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await MariaDb.DisposeAsync();
    }
}
