using Spectre.Console;

namespace Hospital.Seed;

/// <summary>Runs the seeder with progress bars in a terminal or log lines otherwise, and prints the summary.</summary>
internal static class SeedRunner
{
    public static async Task<SeedSummary> RunAsync(DemoDataSeeder seeder, SeedOptions options)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await seeder.SeedAsync(options, new LogSeedProgress(Console.Out));
        }

        SeedSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx => summary = await seeder.SeedAsync(options, new SpectreSeedProgress(ctx)));
        return summary!;
    }

    public static void PrintSummary(SeedSummary summary)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes get plain text, not colour codes.
            AnsiConsole.Profile.Capabilities.Ansi = false;
        }

        var table = new Table().Title("Seeded").AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (name, rows) in summary.Counts)
        {
            table.AddRow(name, rows.ToString("N0"));
        }

        table.AddRow("[bold]Total[/]", $"[bold]{summary.TotalRows:N0}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Finished in {summary.Elapsed.TotalSeconds:0.0} s ({summary.TotalRows / Math.Max(0.001, summary.Elapsed.TotalSeconds):N0} rows/s).");
        AnsiConsole.MarkupLine("Demo accounts (password [bold]" + Markup.Escape(summary.DemoPassword) + "[/]): "
            + string.Join(", ", summary.Accounts.Select(a => $"{a.UserName} ({a.Role})")));
    }

    /// <summary>The innermost useful message of a database or configuration failure.</summary>
    public static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is not System.Data.Common.DbException)
        {
            inner = inner.InnerException;
        }

        return inner.Message.ReplaceLineEndings(" ");
    }
}
