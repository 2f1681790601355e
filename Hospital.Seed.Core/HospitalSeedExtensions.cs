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
    /// <remarks>
    /// Waits for the database: a connection failure is retried <c>Hospital:Startup:DatabaseAttempts</c> times (30),
    /// <c>Hospital:Startup:DatabaseRetryDelay</c> apart (2 s), with a log line per attempt, before start-up gives up.
    /// Schema and seed run under the <see cref="DatabaseLock"/>, so of several instances starting together one does them.
    /// </remarks>
    public static async Task PrepareHospitalDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hospital.Database");
        var options = services.GetRequiredService<HospitalDataOptions>();
        var attempts = Math.Max(1, configuration.GetValue("Hospital:Startup:DatabaseAttempts", 30));
        var delay = configuration.GetValue("Hospital:Startup:DatabaseRetryDelay", TimeSpan.FromSeconds(2));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var held = await DatabaseLock.AcquireAsync(options, cancellationToken);
                await PrepareAsync(services, configuration, logger, cancellationToken);
                return;
            }
            catch (Exception e) when (IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    logger.LogCritical("The {Provider} database cannot be reached after {Attempts} attempts ({Reason}); giving up", options.Provider, attempts, e.Message);
                    throw;
                }

                logger.LogWarning("Waiting for the {Provider} database: attempt {Attempt} of {Attempts} failed ({Reason}); retrying in {Delay}", options.Provider, attempt, attempts, e.Message, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A failure to reach the database (down, starting, refusing or dropping connections, too many connections), as the
    /// provider classifies it; a wrong schema or a failed statement is not retried.
    /// </summary>
    private static bool IsUnreachable(Exception e) =>
        e is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
        || (e.InnerException is { } inner && inner is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException);

    private static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
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
