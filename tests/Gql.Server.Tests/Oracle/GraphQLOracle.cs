using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gql.Server.Tests.Oracle;

/// <summary>
/// Runs graphql-js (npm <c>graphql</c>, pinned in Oracle/package-lock.json) to check the engine against the reference
/// implementation. Installs the package on first use; tests skip with a reason when Node.js is missing.
/// </summary>
public static class GraphQLOracle
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string Folder => Path.Combine(SourceRoot(), "Oracle");

    public static async Task<JsonObject> AskAsync(object command)
    {
        await EnsureInstalledAsync();
        var (code, output, error) = await RunAsync("node", ["oracle.mjs"], JsonSerializer.Serialize(command));
        Assert.True(code == 0, $"graphql-js failed: {error}");
        return JsonNode.Parse(output)!.AsObject();
    }

    private static async Task EnsureInstalledAsync()
    {
        if (!await CommandExistsAsync("node"))
        {
            Assert.Skip("Node.js is not installed: install the Debian packages nodejs and npm to compare with graphql-js.");
        }

        await InstallLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "graphql")))
            {
                var (code, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], null);
                Assert.True(code == 0, $"npm ci failed in {Folder}: {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<bool> CommandExistsAsync(string command)
    {
        try
        {
            var (code, _, _) = await RunAsync(command, ["--version"], null);
            return code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string[] args, string? input)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(file))!;
}
