using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// axe-core (pinned in <c>axe/package-lock.json</c>, installed with <c>npm ci</c> on first use) run inside a page:
/// the violations of impact serious or critical, as readable lines.
/// </summary>
public static class Axe
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var script = await EnsureInstalledAsync();
        await page.AddScriptTagAsync(new() { Path = script });
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
            }
            """);
        var lines = new List<string>();
        foreach (var violation in json.EnumerateArray())
        {
            var impact = violation.GetProperty("impact").GetString();
            if (impact is not ("serious" or "critical"))
            {
                continue;
            }

            var text = new StringBuilder($"[{impact}] {violation.GetProperty("id").GetString()}: {violation.GetProperty("help").GetString()}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                text.Append("\n    ").Append(node.GetString());
            }

            lines.Add(text.ToString());
        }

        return lines;
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var directory = Path.Combine(HospitalWebApp.RepositoryDirectory(), "tests", "Hospital.Web.Tests", "axe");
        var script = Path.Combine(directory, "node_modules", "axe-core", "axe.min.js");
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(script))
            {
                return script;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(npm)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Skip("npm not found: install Node.js (Debian packages nodejs and npm) to run the accessibility checks.");
                throw;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, $"npm ci in {directory} failed:\n{await output}\n{await error}");
            }

            return script;
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
