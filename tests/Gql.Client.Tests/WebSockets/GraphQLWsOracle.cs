using Gql.Testing;
using System.Diagnostics;
using System.Text;

namespace Gql.Client.Tests.WebSockets;

/// <summary>
/// Finds Node.js and installs the reference server (<c>npm ci</c> in WebSockets/oracle) when it is missing; starts
/// oracle servers for the tests.
/// </summary>
public sealed class GraphQLWsOracleFixture : IAsyncLifetime
{
    private NodePackage? package;

    /// <summary>Why the oracle cannot run here, or null when it can.</summary>
    public string? SkipReason => package?.SkipReason;

    public async ValueTask InitializeAsync() =>
        package = await NodePackage.PrepareAsync("WebSockets/oracle", "server.mjs", "graphql-ws", "to run the graphql-ws oracle tests");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Starts a reference server; port 0 picks a free one.</summary>
    public Task<GraphQLWsOracle> StartAsync(int port = 0) => GraphQLWsOracle.StartAsync(package!.Directory!, port);
}

/// <summary>One running reference server (<c>node server.mjs</c>) on 127.0.0.1.</summary>
public sealed class GraphQLWsOracle : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder errors = new();

    private GraphQLWsOracle(Process process)
    {
        this.process = process;
    }

    public int Port { get; private set; }

    /// <summary>The graphql-transport-ws endpoint.</summary>
    public Uri Uri => new($"ws://127.0.0.1:{Port}/graphql");

    /// <summary>What the server wrote to stderr, for failure messages.</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public static async Task<GraphQLWsOracle> StartAsync(string directory, int port)
    {
        var start = new ProcessStartInfo("node", ["server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Kept open: the server exits when it closes, so a crashed test run leaves no server behind.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var oracle = new GraphQLWsOracle(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(line.AsSpan(10), System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (oracle.errors)
                {
                    oracle.errors.AppendLine(e.Data);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The oracle server exited before listening: " + oracle.Errors));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            oracle.Port = await listening.Task.WaitAsync(StartTimeout);
            return oracle;
        }
        catch
        {
            await oracle.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server at once (no close frames): to the client, the connection just breaks.</summary>
    public Task KillAsync() => KillAsync(process);

    public async ValueTask DisposeAsync()
    {
        await KillAsync(process);
        process.Dispose();
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
