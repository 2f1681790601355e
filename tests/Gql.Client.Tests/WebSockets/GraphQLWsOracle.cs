using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Gql.Client.Tests.WebSockets;

/// <summary>
/// Finds Node.js and installs the reference server (<c>npm ci</c> in WebSockets/oracle) when it is missing; starts
/// oracle servers for the tests.
/// </summary>
public sealed class GraphQLWsOracleFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private string? directory;

    /// <summary>Why the oracle cannot run here, or null when it can.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        directory = FindOracleDirectory();
        if (directory is null)
        {
            SkipReason = "The oracle server (tests/Gql.Client.Tests/WebSockets/oracle) was not found above the test binaries.";
            return;
        }

        if (await RunAsync("node", ["--version"], directory, TimeSpan.FromSeconds(30)) is not { ExitCode: 0 })
        {
            SkipReason = "Node.js (node) is not on the PATH; install Node.js 20 or later to run the graphql-ws oracle tests.";
            return;
        }

        if (File.Exists(Path.Combine(directory, "node_modules", "graphql-ws", "package.json")) && File.Exists(Path.Combine(directory, "node_modules", "ws", "package.json")))
        {
            return;
        }

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = await RunAsync(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], directory, InstallTimeout);
        if (install is not { ExitCode: 0 })
        {
            SkipReason = install is null
                ? "npm is not on the PATH, and the graphql-ws oracle is not installed (run npm ci in tests/Gql.Client.Tests/WebSockets/oracle)."
                : $"npm ci failed in {directory} (exit code {install.Value.ExitCode}): {install.Value.Error}";
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Starts a reference server; port 0 picks a free one.</summary>
    public Task<GraphQLWsOracle> StartAsync(int port = 0) => GraphQLWsOracle.StartAsync(directory!, port);

    private static string? FindOracleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gql.Client.Tests.csproj")))
            {
                var oracle = Path.Combine(dir.FullName, "WebSockets", "oracle");
                return File.Exists(Path.Combine(oracle, "server.mjs")) ? oracle : null;
            }
        }

        return null;
    }

    /// <summary>Runs a program; null when it cannot be started (not installed).</summary>
    private static async Task<(int ExitCode, string Output, string Error)?> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, await output, $"timed out after {timeout}; {await error}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
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
