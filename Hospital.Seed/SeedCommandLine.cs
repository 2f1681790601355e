using System.Globalization;
using Hospital.Data;

namespace Hospital.Seed;

/// <summary>The console's arguments, parsed strictly: anything unknown or malformed is an error with a message.</summary>
public sealed record SeedCommandLine(SeedOptions Options, DatabaseProvider? Provider, string? Connection, bool Help)
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
          --reset                               Drop existing data and recreate the schema first
          -h, --help                            Show this help
        """;

    public static SeedCommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new SeedOptions();
        DatabaseProvider? provider = null;
        string? connection = null;
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

        return new SeedCommandLine(options, provider, connection, Help: false);
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
