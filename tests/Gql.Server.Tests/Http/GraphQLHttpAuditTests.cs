using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Gql.Server.Tests.Http;

/// <summary>
/// The official GraphQL-over-HTTP conformance audits (npm <c>graphql-http</c>, <c>serverAudits</c>) run by Node.js
/// against a real server. Skipped, with the reason, when Node.js or the audit package is not available.
/// </summary>
public sealed class GraphQLHttpAuditTests(GraphQLHttpServerFixture server, AuditToolFixture tool)
    : IClassFixture<GraphQLHttpServerFixture>, IClassFixture<AuditToolFixture>
{
    /// <summary>
    /// SHOULD audits this server fails on purpose: without an Accept header (80D8) or with <c>*/*</c> (47DE) it answers
    /// <c>application/graphql-response+json</c>, the type the current spec draft makes servers support, where the
    /// audit (written for the watershed period) expects <c>application/json</c>.
    /// </summary>
    private static readonly HashSet<string> ExpectedWarnings = ["80D8", "47DE"];

    [Fact]
    public async Task Every_must_audit_passes()
    {
        Assert.SkipWhen(tool.SkipReason is not null, tool.SkipReason ?? string.Empty);

        var results = await tool.RunAsync(new Uri(server.Host.Address, "/graphql"));

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"graphql-http audit: {results.Count(r => r.Status == "ok")} ok, {results.Count(r => r.Status == "warn")} warn, {results.Count(r => r.Status == "error")} error of {results.Count}");
        foreach (var result in results.Where(r => r.Status != "ok"))
        {
            output?.WriteLine($"  {result.Status} {result.Id} {result.Name}: {result.Reason}");
        }

        Assert.True(results.Count >= 40, $"Only {results.Count} audits ran.");
        Assert.Empty(results.Where(r => r.Name.StartsWith("MUST", StringComparison.Ordinal) && r.Status != "ok").Select(r => $"{r.Id} {r.Name}: {r.Reason}"));
        Assert.Empty(results.Where(r => r.Status == "error").Select(r => $"{r.Id} {r.Name}: {r.Reason}"));

        // SHOULD and MAY results are reported above; a new failure among them is a regression.
        Assert.Empty(results.Where(r => r.Status != "ok" && !ExpectedWarnings.Contains(r.Id)).Select(r => $"{r.Id} {r.Name}: {r.Reason}"));
    }
}

/// <summary>Finds Node.js and installs the audit tool (<c>npm ci</c> in Http/audit) when it is missing.</summary>
public sealed class AuditToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(3);

    private string? directory;

    /// <summary>Why the audit cannot run here, or null when it can.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        directory = FindAuditDirectory();
        if (directory is null)
        {
            SkipReason = "The audit script (tests/Gql.Server.Tests/Http/audit) was not found next to the test binaries.";
            return;
        }

        if (await RunAsync("node", ["--version"], directory, TimeSpan.FromSeconds(30)) is not { ExitCode: 0 })
        {
            SkipReason = "Node.js (node) is not on the PATH; install Node.js 18 or later to run the graphql-http audit.";
            return;
        }

        if (File.Exists(Path.Combine(directory, "node_modules", "graphql-http", "package.json")))
        {
            return;
        }

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = await RunAsync(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], directory, InstallTimeout);
        if (install is not { ExitCode: 0 })
        {
            SkipReason = install is null
                ? "npm is not on the PATH, and the graphql-http audit package is not installed (run npm ci in tests/Gql.Server.Tests/Http/audit)."
                : $"npm ci failed in {directory} (exit code {install.Value.ExitCode}): {install.Value.Error}";
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs all server audits against <paramref name="endpoint"/>.</summary>
    public async Task<IReadOnlyList<AuditResult>> RunAsync(Uri endpoint)
    {
        var run = await RunAsync("node", ["audit.mjs", endpoint.ToString()], directory!, AuditTimeout);
        Assert.True(run is { ExitCode: 0 }, $"The audit script failed: {run?.Error}");
        return JsonSerializer.Deserialize<List<AuditResult>>(run!.Value.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static string? FindAuditDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gql.Server.Tests.csproj")))
            {
                var audit = Path.Combine(dir.FullName, "Http", "audit");
                return File.Exists(Path.Combine(audit, "audit.mjs")) ? audit : null;
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

/// <summary>One audit's outcome as the script prints it.</summary>
public sealed record AuditResult(string Id, string Name, string Status, string? Reason);
