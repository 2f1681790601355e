using Hospital.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Seed;

/// <summary>The start-up step both hosts (Hospital.GraphQL and Hospital.Web) take: a ready database with demo data.</summary>
public static class HospitalSeedExtensions
{
    /// <summary>Registers the <see cref="DemoDataSeeder"/> over the data services of <c>AddHospitalData</c>.</summary>
    public static IServiceCollection AddHospitalDemoData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DemoDataSeeder>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the schema and, when <c>Hospital:SeedDemoData</c> is true (the default in Development only: demo accounts
    /// never appear elsewhere unless asked for) and the database is
    /// empty, fills it with demo data (<c>Hospital:DemoPatients</c> patients, password <c>Hospital:DemoPassword</c> or a
    /// generated one). The demo password is logged once. Never in Production, whatever the setting says.
    /// </summary>
    public static async Task PrepareHospitalDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hospital.Database");
        var applied = await services.GetRequiredService<SchemaManager>().EnsureSchemaAsync(cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Database schema created or upgraded to version {Version}", SchemaManager.CurrentVersion);
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!configuration.GetValue("Hospital:SeedDemoData", environment.IsDevelopment()))
        {
            return;
        }

        if (environment.IsProduction())
        {
            // Demo accounts share a password that ends up in a log: they must never exist where real patients are.
            logger.LogWarning("Hospital:SeedDemoData is ignored in Production: no demo data or demo accounts are created there.");
            return;
        }

        var seeder = services.GetRequiredService<DemoDataSeeder>();
        if (!await seeder.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var options = new SeedOptions
        {
            Patients = configuration.GetValue("Hospital:DemoPatients", SeedOptions.DefaultPatients),
            DemoPassword = configuration["Hospital:DemoPassword"],
        };
        var summary = await seeder.SeedAsync(options, new LoggerSeedProgress(logger), cancellationToken);
        logger.LogWarning(
            "Seeded demo data: {Rows} rows. Demo accounts {Accounts} use the password {Password}",
            summary.TotalRows,
            string.Join(", ", summary.Accounts.Select(a => a.UserName)),
            summary.DemoPassword);
    }

    private sealed class LoggerSeedProgress(ILogger logger) : ISeedProgress
    {
        public void Phase(string name, int total) => logger.LogInformation("Seeding {Phase}: {Total}", name, total);

        public void Advance(string name, int by)
        {
        }

        public void Log(string message) => logger.LogInformation("{Message}", message);
    }
}
