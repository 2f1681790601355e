using System.ComponentModel;
using System.Diagnostics;

namespace Gql.Testing;

/// <summary>
/// A small Node.js project beside the tests (package.json and package-lock.json; node_modules is not committed),
/// installed with <c>npm ci</c> on first use. Tests that need one skip with <see cref="SkipReason"/> when Node.js or
/// npm is missing. Shared (as a linked source file) by the test projects that run reference implementations from npm.
/// </summary>
public sealed class NodePackage
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private NodePackage(string? directory, string? skipReason)
    {
        Directory = directory;
        SkipReason = skipReason;
    }

    /// <summary>The project folder, or null when it was not found.</summary>
    public string? Directory { get; }

    /// <summary>Why the package cannot run here, or null when it can.</summary>
    public string? SkipReason { get; }

    /// <summary>Finds the project and installs it unless <paramref name="probeModule"/> is installed already.</summary>
    /// <param name="relativeFolder">The folder below the test project, e.g. <c>Http/audit</c>; found by walking up from the test binaries.</param>
    /// <param name="entryScript">A script that must exist in the folder.</param>
    /// <param name="probeModule">A dependency whose presence in node_modules means the install is done.</param>
    /// <param name="purpose">Completes the skip reasons: "to run ...".</param>
    public static async Task<NodePackage> PrepareAsync(string relativeFolder, string entryScript, string probeModule, string purpose)
    {
        var directory = FindFolder(relativeFolder, entryScript);
        if (directory is null)
        {
            return new NodePackage(null, $"{relativeFolder}/{entryScript} was not found above the test binaries.");
        }

        if (await RunProcessAsync("node", ["--version"], directory, TimeSpan.FromSeconds(30)) is not { ExitCode: 0 })
        {
            return new NodePackage(directory, $"Node.js (node) is not on the PATH; install Node.js 20 or later (Debian: nodejs and npm) {purpose}.");
        }

        if (File.Exists(Path.Combine(directory, "node_modules", probeModule, "package.json")))
        {
            return new NodePackage(directory, null);
        }

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = await RunProcessAsync(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], directory, InstallTimeout);
        if (install is not { ExitCode: 0 })
        {
            return new NodePackage(directory, install is null
                ? $"npm is not on the PATH and {directory} is not installed; install npm (Debian: npm) {purpose}."
                : $"npm ci failed in {directory} (exit code {install.Value.ExitCode}): {install.Value.Error}");
        }

        return new NodePackage(directory, null);
    }

    /// <summary>Runs <c>node</c> with the arguments in the project folder; null when node cannot be started.</summary>
    public Task<(int ExitCode, string Output, string Error)?> RunNodeAsync(IReadOnlyList<string> arguments, TimeSpan timeout) =>
        RunProcessAsync("node", arguments, Directory ?? throw new InvalidOperationException(SkipReason), timeout);

    private static string? FindFolder(string relativeFolder, string entryScript)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativeFolder.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(Path.Combine(candidate, entryScript)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a program; null when it cannot be started (not installed). A program past the timeout is killed.</summary>
    private static async Task<(int ExitCode, string Output, string Error)?> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
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
