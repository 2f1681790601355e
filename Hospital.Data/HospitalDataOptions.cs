using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Hospital.Data;

/// <summary>
/// Where the data lives: <c>Database:Provider</c> (Sqlite by default, PostgreSql, MySql) and <c>ConnectionStrings:Hospital</c>
/// (by default a SQLite file in a <c>data</c> folder next to the app), plus <c>Hospital:TimeZone</c>, the IANA zone
/// that working hours and "today" are reckoned in.
/// </summary>
public sealed record HospitalDataOptions(DatabaseProvider Provider, string ConnectionString, TimeZoneInfo TimeZone)
{
    private static readonly ConcurrentDictionary<string, Lazy<ServerVersion>> DetectedVersions = new();

    /// <summary>
    /// The MySQL or MariaDB server version Pomelo generates SQL for: <c>Database:ServerVersion</c> (e.g. <c>8.0.36-mysql</c>,
    /// <c>10.11.6-mariadb</c>) when configured, so the app can start before the server is reachable; otherwise asked of
    /// the server once per connection string.
    /// </summary>
    public string? ServerVersionText { get; init; }

    public static string DefaultSqlitePath => Path.Combine(AppContext.BaseDirectory, "data", "hospital.db");

    public static HospitalDataOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString("Hospital");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={DefaultSqlitePath}"
                : throw new InvalidOperationException($"ConnectionStrings:Hospital is required for the {provider} provider.");
        }

        var zoneId = configuration["Hospital:TimeZone"];
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(zoneId) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"Hospital:TimeZone '{zoneId}' is not a known time zone (use an IANA id such as Europe/Berlin).");
        }

        var serverVersion = configuration["Database:ServerVersion"];
        if (!string.IsNullOrWhiteSpace(serverVersion) && !ServerVersion.TryParse(serverVersion, out _))
        {
            throw new InvalidOperationException($"Database:ServerVersion '{serverVersion}' is not a server version such as 8.0.36-mysql or 10.11.6-mariadb.");
        }

        return new HospitalDataOptions(provider, connectionString, zone) { ServerVersionText = string.IsNullOrWhiteSpace(serverVersion) ? null : serverVersion };
    }

    /// <summary>Points EF Core at the configured database.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                builder.UseSqlite(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                builder.AddInterceptors(SqliteDecimalOrdering.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            case DatabaseProvider.MySql:
                builder.UseMySql(ConnectionString, MySqlServerVersion, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new NotSupportedException($"The {Provider} provider is not supported.");
        }
    }

    private ServerVersion MySqlServerVersion => ServerVersionText is not null
        ? ServerVersion.Parse(ServerVersionText)
        : DetectedVersions.GetOrAdd(ConnectionString, c => new Lazy<ServerVersion>(() => ServerVersion.AutoDetect(c), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>Today's date in the hospital's time zone.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZone));

    private void EnsureSqliteFolder()
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
