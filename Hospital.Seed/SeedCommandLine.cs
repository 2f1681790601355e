using System.Globalization;
using Hospital.Data;

namespace Hospital.Seed;

/// <summary>The console's arguments, parsed strictly: anything unknown or malformed is an error with a message.</summary>
public sealed record SeedCommandLine(SeedOptions Options, DatabaseProvider? Provider, string? Connection, bool Help, bool Yes = false, bool AllowProduction = false)
{
    public const string Usage = """
        Usage: dotnet run --project Hospital.Seed -- [options]

        Creates the Hospital schema if needed and fills it with synthetic demo data.

        Options:
          --provider <Sqlite|PostgreSql|MySql>  Database provider (default: Database:Provider, else Sqlite)
          --connection "<conn>"                 Connection string (default: ConnectionStrings:Hospital, else the app's SQLite file)
          --patients <N>                        Number of patients, 0-1000000 (default: 500)
          --seed <N>                            Random seed; the same seed and date give the same data (default: 1234)
          --date <yyyy-MM-dd>                   The date the data is built around (default: today in Hospital:TimeZone)
          --demo-password <password>            Password of the demo accounts (default: a random one, printed at the end)
          --reset                               Drop existing data and recreate the schema first (only a Hospital
                                                database; asks on a terminal)
          --yes                                 Do not ask before --reset (for scripts)
          --allow-production                    Allow seeding (and --reset) when the environment is Production
          -h, --help                            Show this help
        """;

    public static SeedCommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new SeedOptions();
        DatabaseProvider? provider = null;
        string? connection = null;
        var yes = false;
        var allowProduction = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new SeedCommandLine(options, provider, connection, Help: true);
                case "--reset":
                    options = options with { Reset = true };
                    break;
                case "--yes":
                    yes = true;
                    break;
                case "--allow-production":
                    allowProduction = true;
                    break;
                case "--provider":
                    var name = Value(args, ref i, arg);
                    if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(name, out _))
                    {
                        throw new ArgumentException($"--provider must be Sqlite, PostgreSql or MySql, not '{name}'.");
                    }

                    provider = parsed;
                    break;
                case "--connection":
                    connection = Value(args, ref i, arg);
                    break;
                case "--patients":
                    options = options with { Patients = Integer(args, ref i, arg, 0, 1_000_000) };
                    break;
                case "--seed":
                    options = options with { Seed = Integer(args, ref i, arg, int.MinValue, int.MaxValue) };
                    break;
                case "--date":
                    var text = Value(args, ref i, arg);
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        throw new ArgumentException($"--date must be a date like 2026-11-22, not '{text}'.");
                    }

                    options = options with { Today = date };
                    break;
                case "--demo-password":
                    var password = Value(args, ref i, arg);
                    if (password.Length < 8 || !password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit) || password.All(char.IsLetterOrDigit))
                    {
                        throw new ArgumentException("--demo-password needs at least 8 characters with upper and lower case letters, a digit and a symbol.");
                    }

                    options = options with { DemoPassword = password };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        return new SeedCommandLine(options, provider, connection, Help: false, yes, allowProduction);
    }

    /// <summary>
    /// Why the seeder must not run here, or null: Production needs --allow-production (for seeding at all, and so for
    /// --reset), and --reset without --yes needs a person to confirm on a terminal (scripts must say --yes).
    /// </summary>
    public string? ResetRefusal(string environment, bool interactive, Func<string?> readAnswer, TextWriter prompt)
    {
        if (string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase) && !AllowProduction)
        {
            // Demo accounts share one password: in Production they would be a way in.
            return Options.Reset
                ? "--reset in the Production environment needs --allow-production (set DOTNET_ENVIRONMENT for other environments)."
                : "Demo data and demo accounts in the Production environment need --allow-production (set DOTNET_ENVIRONMENT for other environments).";
        }

        if (!Options.Reset)
        {
            return null;
        }

        if (Yes)
        {
            return null;
        }

        if (!interactive)
        {
            return "--reset drops every table; without a terminal to confirm on, pass --yes.";
        }

        prompt.Write($"--reset drops every table of the {environment} database. Type 'reset' to go on: ");
        return string.Equals(readAnswer()?.Trim(), "reset", StringComparison.Ordinal) ? null : "Not confirmed; nothing was dropped.";
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        return args[++i];
    }

    private static int Integer(IReadOnlyList<string> args, ref int i, string name, int min, int max)
    {
        var text = Value(args, ref i, name);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be a whole number between {min} and {max}, not '{text}'.");
        }

        return value;
    }
}
