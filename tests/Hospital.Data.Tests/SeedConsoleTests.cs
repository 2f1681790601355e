using System.Diagnostics;
using Hospital.Seed;

namespace Hospital.Data.Tests;

/// <summary>The seeder as an operator runs it: a real process, its exit code and what it prints.</summary>
public sealed class SeedConsoleTests
{
    [Theory]
    [InlineData("--patients", "many", "--patients must be a whole number")]
    [InlineData("--patients", "-3", "--patients must be a whole number")]
    [InlineData("--provider", "Oracle", "--provider must be Sqlite, PostgreSql or MySql")]
    [InlineData("--date", "22/11/2026", "--date must be a date")]
    [InlineData("--seed", null, "--seed needs a value")]
    [InlineData("--frobnicate", null, "Unknown argument '--frobnicate'")]
    public async Task BadArguments_PrintUsage_AndExit2(string argument, string? value, string message)
    {
        var result = await RunAsync(value is null ? [argument] : [argument, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("Usage: dotnet run --project Hospital.Seed", result.Error);
    }

    [Fact]
    public async Task UnreachableDatabase_IsAOneLineError_AndExit1()
    {
        var result = await RunAsync(["--provider", "PostgreSql", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Seeding_Twice_RefusesTheSecondRun_UntilReset()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hospital-cli-{Guid.NewGuid():N}.db");
        string[] common = ["--connection", $"Data Source={file}", "--patients", "3", "--demo-password", "Cli!Pass12"];
        try
        {
            var first = await RunAsync(common);
            var second = await RunAsync(common);
            var reset = await RunAsync([.. common, "--reset"]);

            Assert.Equal(0, first.ExitCode);
            Assert.Contains("Patients", first.Output);
            Assert.Contains("admin (Admin), doctor (Doctor), nurse", first.Output);
            Assert.DoesNotContain("\u001b[", first.Output);
            Assert.Equal(1, second.ExitCode);
            Assert.Equal("error: The database already holds hospital data; run with --reset to replace it.", second.Error.Trim());
            Assert.Equal(0, reset.ExitCode);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Fact]
    public void Parse_ReadsEveryOption()
    {
        var line = SeedCommandLine.Parse(["--provider", "postgresql", "--connection", "Host=x", "--patients", "10000", "--seed", "7", "--date", "2026-01-31", "--reset", "--demo-password", "Abc!1234"]);

        Assert.Equal(DatabaseProvider.PostgreSql, line.Provider);
        Assert.Equal("Host=x", line.Connection);
        Assert.Equal(new SeedOptions { Patients = 10000, Seed = 7, Today = new DateOnly(2026, 1, 31), Reset = true, DemoPassword = "Abc!1234" }, line.Options);
        Assert.True(SeedCommandLine.Parse(["--help"]).Help);
    }

    [Theory]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("MySql", DatabaseProvider.MySql)]
    [InlineData("mysql", DatabaseProvider.MySql)]
    public void Parse_TakesEveryProvider(string name, DatabaseProvider provider) =>
        Assert.Equal(provider, SeedCommandLine.Parse(["--provider", name]).Provider);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hospital.Seed.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not pick up a database from the environment of whoever runs the tests.
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("ConnectionStrings__Hospital");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
