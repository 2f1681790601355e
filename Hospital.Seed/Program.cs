using System.Data.Common;
using Hospital.Data;
using Hospital.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

SeedCommandLine commandLine;
try
{
    commandLine = SeedCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(SeedCommandLine.Usage);
    return 2;
}

if (commandLine.Help)
{
    Console.WriteLine(SeedCommandLine.Usage);
    return 0;
}

var overrides = new Dictionary<string, string?>();
if (commandLine.Provider is { } provider)
{
    overrides["Database:Provider"] = provider.ToString();
}

if (commandLine.Connection is { } connection)
{
    overrides["ConnectionStrings:Hospital"] = connection;
}

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddInMemoryCollection(overrides)
    .Build();

// The .NET convention: no environment named means Production.
var environment = configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? "Production";
if (commandLine.ResetRefusal(environment, !Console.IsInputRedirected, Console.ReadLine, Console.Out) is { } refusal)
{
    Console.Error.WriteLine($"error: {refusal}");
    return 1;
}

try
{
    await using var services = new ServiceCollection().AddHospitalData(configuration).AddSingleton<DemoDataSeeder>().BuildServiceProvider();
    var seeder = services.GetRequiredService<DemoDataSeeder>();
    var summary = await SeedRunner.RunAsync(seeder, commandLine.Options);
    SeedRunner.PrintSummary(summary);
    return 0;
}
catch (DatabaseNotEmptyException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (Exception e) when (e is DbException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or NotSupportedException or SchemaException or System.Net.Sockets.SocketException or TimeoutException)
{
    // One line, no stack trace: the operator needs the cause, not our internals.
    Console.Error.WriteLine($"error: {SeedRunner.Describe(e)}");
    return 1;
}
