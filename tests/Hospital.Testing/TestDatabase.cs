using Hospital.Data;
using Hospital.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Testing;

/// <summary>A fresh, empty database of one provider, wired with the same AddHospitalData the apps use.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string? sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Hospital"] = connectionString,
        }).Build();
        services = new ServiceCollection().AddHospitalData(configuration).AddSingleton<DemoDataSeeder>().BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<HospitalDbContext> Factory => services.GetRequiredService<IDbContextFactory<HospitalDbContext>>();
    public SchemaManager Schema => services.GetRequiredService<SchemaManager>();
    public DemoDataSeeder Seeder => services.GetRequiredService<DemoDataSeeder>();
    public Hospital.Data.Outbox.OutboxSignal OutboxSignal => services.GetRequiredService<Hospital.Data.Outbox.OutboxSignal>();

    public static TestDatabase Create(DatabaseProvider provider, DatabaseServers servers)
    {
        var name = "hospital_test_" + Guid.NewGuid().ToString("N")[..12];
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                Assert.SkipWhen(servers.Postgres.SkipReason is not null, servers.Postgres.SkipReason ?? "");
                return new TestDatabase(provider, servers.Postgres.ConnectionString(name), null);
            case DatabaseProvider.MySql:
                Assert.SkipWhen(servers.MariaDb.SkipReason is not null, servers.MariaDb.SkipReason ?? "");
                return new TestDatabase(provider, servers.MariaDb.ConnectionString(name), null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"hospital-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(provider, $"Data Source={file};Pooling=False", file);
    }

    /// <summary>Creates the schema; the database then holds tables but no data.</summary>
    public async Task<TestDatabase> WithSchemaAsync()
    {
        await Schema.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        return this;
    }

    public HospitalDbContext CreateContext() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }
}

/// <summary>Seeding progress that goes nowhere; tests look at the data, not the bars.</summary>
public sealed class SilentProgress : ISeedProgress
{
    public void Phase(string name, int total)
    {
    }

    public void Advance(string name, int by)
    {
    }

    public void Log(string message)
    {
    }
}
