using Spectre.Console;

namespace Hospital.Seed;

/// <summary>Plain, timestamped progress lines: for logs, CI and redirected output.</summary>
public sealed class LogSeedProgress(TextWriter writer) : ISeedProgress
{
    private readonly Dictionary<string, (int Total, int Done, int LastReported)> phases = [];

    public void Phase(string name, int total)
    {
        phases[name] = (total, 0, 0);
        Log($"{name}: 0/{total}");
    }

    public void Advance(string name, int by)
    {
        var (total, done, last) = phases[name];
        done += by;

        // About ten lines per phase, whatever its size.
        if (done == total || done - last >= Math.Max(1, total / 10))
        {
            Log($"{name}: {done}/{total}");
            last = done;
        }

        phases[name] = (total, done, last);
    }

    public void Log(string message) => writer.WriteLine($"{DateTime.Now:HH:mm:ss} {message}");
}

/// <summary>Live progress bars in an interactive terminal.</summary>
public sealed class SpectreSeedProgress(ProgressContext context) : ISeedProgress
{
    private readonly Dictionary<string, ProgressTask> tasks = [];

    public void Phase(string name, int total) => tasks[name] = context.AddTask(name, maxValue: Math.Max(1, total));

    public void Advance(string name, int by) => tasks[name].Increment(by);

    public void Log(string message) => AnsiConsole.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss}[/] {Markup.Escape(message)}");
}
