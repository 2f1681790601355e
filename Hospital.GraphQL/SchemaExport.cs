using Gql.Server;

namespace Hospital.GraphQL;

/// <summary><c>schema export [--output file]</c>: prints the SDL of the running schema (to stdout without --output).</summary>
internal static class SchemaExport
{
    public static bool IsRequested(string[] args) => args is ["schema", "export", ..];

    public static int Run(string[] args, IServiceProvider services)
    {
        var sdl = SchemaPrinter.Print(services.GetRequiredService<Schema>()) + "\n";
        var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault();
        if (args.Contains("--output") && output is null)
        {
            Console.Error.WriteLine("error: --output needs a file name.");
            return 2;
        }

        if (output is null)
        {
            Console.Write(sdl);
        }
        else
        {
            // `dotnet run` starts the app in the project folder; a relative path means the caller's folder (PWD).
            if (!Path.IsPathRooted(output) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } callerFolder)
            {
                output = Path.Combine(callerFolder, output);
            }

            File.WriteAllText(output, sdl);
            Console.WriteLine($"Wrote the schema to {Path.GetFullPath(output)}.");
        }

        return 0;
    }
}
