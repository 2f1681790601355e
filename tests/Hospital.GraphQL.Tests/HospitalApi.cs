using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hospital.Data;
using Hospital.Seed;
using Hospital.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hospital.GraphQL.Tests;

/// <summary>
/// The API as an outside client sees it: the app's own service registration (AddHospitalData, AddHospitalGraphQL,
/// MapHospitalGraphQL) on Kestrel at a free port, over a seeded SQLite file. Counts the SQL statements it runs.
/// </summary>
public class HospitalApi : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hospital-api-{Guid.NewGuid():N}.db");
    private WebApplication? app;

    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Why this API's database server could not start (its binaries are missing), or null.</summary>
    public virtual string? SkipReason => null;

    /// <summary>The connection string of the database the API runs on (a seeded SQLite file by default).</summary>
    protected virtual ValueTask<string> ConnectionStringAsync() => ValueTask.FromResult($"Data Source={file}");

    /// <summary>
    /// Settings on top of the common ones. Background jobs are off by default (the scheduler reads and asks for runs but
    /// runs none), so that tests of other features share the database with nothing else; the jobs tests turn them on.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hospital:Jobs:Enabled", "false")];

    public HttpClient Client { get; private set; } = null!;

    public SqlCounter Sql { get; } = new();

    public QueryCompilationLog Compilations { get; } = new();

    public IServiceProvider Services => app!.Services;

    /// <summary>The demo accounts, one per role: Admin, Doctor, Nurse, Receptionist, Analyst.</summary>
    public static readonly string[] DemoUsers = ["admin", "doctor", "nurse", "reception", "analyst"];

    /// <summary>The demo accounts' password in the test data.</summary>
    public const string DemoPassword = "Test!Pass1";

    /// <summary>The access tokens' key in the tests (configured, as in production).</summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("hospital-tests-signing-key-0123456789-abcdef"));

    private readonly Dictionary<string, string> tokens = [];

    /// <summary>Signs a demo account in with <c>signIn</c> (once per fixture) and returns its access token.</summary>
    public async Task<string> AccessTokenAsync(string userName, string password = DemoPassword)
    {
        lock (tokens)
        {
            if (tokens.TryGetValue(userName, out var known))
            {
                return known;
            }
        }

        var json = await PostAsync(
            "mutation($u: String!, $p: String!) { signIn(input: { userName: $u, password: $p }) { accessToken errors { __typename } } }",
            new { u = userName, p = password });
        var token = (string?)json["data"]?["signIn"]?["accessToken"] ?? throw new InvalidOperationException($"{userName} could not sign in: {json.ToJsonString()}");
        lock (tokens)
        {
            tokens[userName] = token;
        }

        return token;
    }

    /// <summary>
    /// The access token of an account linked to a staff member (created once per fixture), for a step only that person
    /// may take, e.g. the appointment's own doctor starting it.
    /// </summary>
    public async Task<string> AccessTokenForStaffAsync(int staffMemberId, string role)
    {
        var userName = $"staff{staffMemberId}-{role.ToLowerInvariant()}";
        lock (tokens)
        {
            if (tokens.TryGetValue(userName, out var known))
            {
                return known;
            }
        }

        // One account per staff member (a unique index): the demo doctor may be this very staff member, and two tests
        // may ask for the same one at once.
        await accountCreation.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Hospital.Data.Entities.UserAccount>>();
            var existing = await users.Users.AsNoTracking().Where(u => u.StaffMemberId == staffMemberId).Select(u => u.UserName).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
            if (existing is not null && existing != userName)
            {
                return await AccessTokenAsync(existing);
            }

            if (existing is null)
            {
                var account = new Hospital.Data.Entities.UserAccount { UserName = userName, StaffMemberId = staffMemberId, CreatedAt = DateTime.UtcNow };
                var created = await users.CreateAsync(account, StaffPassword);
                if (!created.Succeeded || !(await users.AddToRoleAsync(account, role)).Succeeded)
                {
                    throw new InvalidOperationException($"{userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }
        }
        finally
        {
            accountCreation.Release();
        }

        return await AccessTokenAsync(userName, StaffPassword);
    }

    private readonly SemaphoreSlim accountCreation = new(1, 1);

    // The demo password is shorter than the password policy allows for new accounts.
    private const string StaffPassword = DemoPassword + " for staff";

    /// <summary>The principal a demo account's access token stands for, validated as the API validates it (for in-process execution).</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string userName)
    {
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme);
        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { MapInboundClaims = false }
            .ValidateTokenAsync(await AccessTokenAsync(userName), options.TokenValidationParameters);
        return result.IsValid ? new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity) : throw new InvalidOperationException($"{userName}'s token is not valid: {result.Exception?.Message}");
    }

    /// <summary>POSTs a GraphQL request with <c>Authorization: Bearer {token}</c> and returns the whole response.</summary>
    public async Task<HttpResponseMessage> SendWithTokenAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>POSTs a GraphQL request as a demo account (bearer token from <c>signIn</c>).</summary>
    public async Task<JsonObject> PostAsAsync(string userName, string query, object? variables = null) =>
        await PostWithTokenAsync(await AccessTokenAsync(userName), query, variables);

    /// <summary>POSTs a GraphQL request with <c>Authorization: Bearer {token}</c>.</summary>
    public async Task<JsonObject> PostWithTokenAsync(string? token, string query, object? variables = null)
    {
        using var response = await SendWithTokenAsync(token, query, variables);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }

    public virtual async ValueTask InitializeAsync()
    {
        var connectionString = await ConnectionStringAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = typeof(HospitalGraphQLExtensions).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Hospital"] = connectionString,
            ["Hospital:SeedDemoData"] = "false",
            ["Hospital:Auth:SigningKey"] = SigningKey,

            // The whole assembly signs in from 127.0.0.1; the per-name limit is what the throttle test proves.
            ["Hospital:Auth:SignInAttemptsPerAddress"] = "100000",
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Compilations);
        builder.Logging.AddFilter(QueryCompilationLog.Category, LogLevel.Debug);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IInterceptor>(Sql);
        builder.Services.AddHospitalData(builder.Configuration);
        builder.Services.AddHospitalGraphQL();
        builder.Services.AddHospitalDemoData();
        app = builder.Build();
        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(
            new SeedOptions { Patients = 60, Seed = 7, Today = new DateOnly(2026, 11, 18), DemoPassword = DemoPassword },
            new SilentProgress());
        app.MapHospitalGraphQL();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };

        // Sign the demo accounts in now, so a test that counts statements does not count a first sign-in.
        foreach (var user in DemoUsers)
        {
            await AccessTokenAsync(user);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    /// <summary>POSTs a GraphQL request and returns the response body as JSON.</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null)
    {
        using var response = await Client.PostAsJsonAsync("/graphql", new { query, variables }, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }
}

/// <summary>The same API on a database server started from the machine's binaries (skipped when they are missing).</summary>
public abstract class ServerHospitalApi<TServer>(DatabaseProvider provider) : HospitalApi
    where TServer : IDatabaseServer, new()
{
    private readonly TServer server = new();

    public override DatabaseProvider Provider => provider;

    public override string? SkipReason => server.SkipReason;

    public override async ValueTask InitializeAsync()
    {
        await server.InitializeAsync();
        if (server.SkipReason is null)
        {
            await base.InitializeAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (server.SkipReason is null)
        {
            await base.DisposeAsync();
        }

        await server.DisposeAsync();
    }

    protected override ValueTask<string> ConnectionStringAsync() => ValueTask.FromResult(server.ConnectionString("hospital_api"));
}

/// <summary>The API on a real PostgreSQL.</summary>
public class PostgresHospitalApi() : ServerHospitalApi<PostgresServer>(DatabaseProvider.PostgreSql);

/// <summary>The API on a real MariaDB, standing in for MySQL.</summary>
public class MariaDbHospitalApi() : ServerHospitalApi<MariaDbServer>(DatabaseProvider.MySql);

/// <summary>
/// Counts (and keeps) the commands EF Core sends to the database for requests. The outbox relay's background polling
/// (<c>outbox_messages</c>) and the check that a bearer token's session is still open (<c>refresh_tokens</c>, cached for
/// seconds, so it comes and goes) are not a request's work and are left out.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private readonly List<string> commands = [];
    private readonly List<string> auditInserts = [];

    public int Count
    {
        get
        {
            lock (commands)
            {
                return commands.Count;
            }
        }
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    public void Reset()
    {
        lock (commands)
        {
            commands.Clear();
        }

        lock (auditInserts)
        {
            auditInserts.Clear();
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    /// <summary>The audit log's inserts of reads (one per audited request), kept apart from the statements counted above.</summary>
    public IReadOnlyList<string> AuditInserts
    {
        get
        {
            lock (auditInserts)
            {
                return [.. auditInserts];
            }
        }
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RecordAudit(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void RecordAudit(DbCommand command)
    {
        if (IsAuditInsert(command))
        {
            lock (auditInserts)
            {
                auditInserts.Add(command.CommandText);
            }
        }
    }

    private static bool IsAuditInsert(DbCommand command) =>
        command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("audit_entries", StringComparison.Ordinal);

    private void Record(DbCommand command)
    {
        if (command.CommandText.Contains("outbox_messages", StringComparison.Ordinal) || command.CommandText.Contains("refresh_tokens", StringComparison.Ordinal)
            || IsAuditInsert(command))
        {
            return;
        }

        lock (commands)
        {
            commands.Add(command.CommandText);
        }
    }
}

/// <summary>
/// Keeps the LINQ expressions EF Core compiles into queries: a query-cache hit is not logged, so a query shape that
/// appears here again was compiled again.
/// </summary>
public sealed class QueryCompilationLog : ILoggerProvider, ILogger
{
    public const string Category = "Microsoft.EntityFrameworkCore.Query";

    private readonly List<string> expressions = [];

    public IReadOnlyList<string> Expressions
    {
        get
        {
            lock (expressions)
            {
                return [.. expressions];
            }
        }
    }

    public void Reset()
    {
        lock (expressions)
        {
            expressions.Clear();
        }
    }

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != CoreEventId.QueryCompilationStarting.Id)
        {
            return;
        }

        lock (expressions)
        {
            expressions.Add(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
