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
            var reset = await RunAsync([.. common, "--reset", "--yes"]);

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

    [Fact]
    public async Task Reset_IsRefused_InProductionWithoutAllowProduction_AndWithoutYesWhenNoTerminal()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hospital-cli-{Guid.NewGuid():N}.db");
        string[] common = ["--connection", $"Data Source={file}", "--patients", "3", "--demo-password", "Cli!Pass12"];
        try
        {
            var seeded = await RunAsync(common);
            var production = await RunAsync([.. common, "--reset", "--yes"], environment: "Production");
            var unconfirmed = await RunAsync([.. common, "--reset"]);
            var stillThere = await RunAsync(common);
            var productionSeed = await RunAsync(common, environment: "Production");
            var allowed = await RunAsync([.. common, "--reset", "--yes", "--allow-production"], environment: "Production");

            Assert.Equal(0, seeded.ExitCode);
            Assert.Equal(1, production.ExitCode);
            Assert.Contains("--allow-production", production.Error);
            Assert.Equal(1, unconfirmed.ExitCode);
            Assert.Contains("pass --yes", unconfirmed.Error);
            Assert.Equal("error: The database already holds hospital data; run with --reset to replace it.", stillThere.Error.Trim());
            Assert.Equal(1, productionSeed.ExitCode);
            Assert.Contains("Demo data and demo accounts in the Production environment need --allow-production", productionSeed.Error);
            Assert.Equal(0, allowed.ExitCode);
        }
        finally
        {
            DeleteSqlite(file);
        }
    }

    [Fact]
    public async Task Reset_OnADatabaseThatIsNotOurs_DropsNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hospital-cli-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY); INSERT INTO customers VALUES (1);";
                await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var result = await RunAsync(["--connection", $"Data Source={file}", "--patients", "3", "--reset", "--yes"]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("not a Hospital database, so --reset drops nothing", result.Error);
            await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            await check.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = check.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM customers";
            Assert.Equal(1L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            DeleteSqlite(file);
        }
    }

    [Theory]
    [InlineData("reset", true)]
    [InlineData("yes", false)]
    [InlineData(null, false)]
    public void Reset_OnATerminal_AsksForConfirmation(string? answer, bool goesOn)
    {
        var line = SeedCommandLine.Parse(["--reset"]);
        using var prompt = new StringWriter();

        var refusal = line.ResetRefusal("Development", interactive: true, () => answer, prompt);

        Assert.Equal(goesOn, refusal is null);
        Assert.Contains("Type 'reset' to go on", prompt.ToString());
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string environment = "Development")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hospital.Seed.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not pick up a database from the environment of whoever runs the tests.
        start.Environment.Remove("Database__Provider");
        start.Environment.Remove("ConnectionStrings__Hospital");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
