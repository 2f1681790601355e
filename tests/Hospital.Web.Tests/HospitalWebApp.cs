using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Hospital.Data;
using Hospital.GraphQL;
using Hospital.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hospital.Web.Tests;

/// <summary>
/// The staff UI as a person reaches it: the app's own registration (AddHospitalData, AddHospitalGraphQL,
/// AddHospitalWeb, MapHospitalGraphQL, MapHospitalWeb) on Kestrel at a free port, over a SQLite file seeded with 60
/// patients on a fixed Wednesday, with the app's clock set to that day so "today" has a clinic.
/// </summary>
public sealed class HospitalWebApp : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    private readonly string file = Path.Combine(Path.GetTempPath(), $"hospital-web-{Guid.NewGuid():N}.db");
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Holds chosen database reads, to see loading states.</summary>
    public QueryGate Gate { get; } = new();

    public IServiceProvider Services => app!.Services;

    /// <summary>Browser states (cookies) of the demo accounts signed in through the sign-in page, by user name.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> SignedInStates { get; } = new();

    /// <summary>The demo accounts' password in the test data.</summary>
    public const string DemoPassword = "Test!Pass1";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> accessTokens = new();

    /// <summary>
    /// An HTTP client that has signed in through the sign-in page's form as <paramref name="userName"/> (antiforgery
    /// token and all) and keeps the cookie: what a browser without script gets.
    /// </summary>
    public async Task<HttpClient> SignedInHttpClientAsync(string userName = "doctor")
    {
        var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
        var form = await http.GetStringAsync("signin", TestContext.Current.CancellationToken);
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value") ?? ""))
            .Where(f => f.Name is not null)
            .ToDictionary(f => f.Name!, f => System.Net.WebUtility.HtmlDecode(f.Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = DemoPassword;
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"{userName} could not sign in on the page: {(int)response.StatusCode}");
        return http;

        static string? Attribute(string tag, string name) =>
            System.Text.RegularExpressions.Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// An account (role <paramref name="role"/>, the demo password) for staff member <paramref name="staffMemberId"/>
    /// (a global id), made once: for tests that act as a particular doctor, say the one an appointment belongs to.
    /// </summary>
    public async Task<string> AccountForStaffMemberAsync(string staffMemberId, string role)
    {
        var key = int.Parse(Gql.Server.Relay.NodeIds.Decode(staffMemberId).Key, System.Globalization.CultureInfo.InvariantCulture);
        var userName = $"{role.ToLowerInvariant()}-{key}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Hospital.Data.Entities.UserAccount>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            // The demo password is shorter than the policy asks (the seeder sets it as it is): hashed here the same way.
            var account = new Hospital.Data.Entities.UserAccount { UserName = userName, StaffMemberId = key, CreatedAt = DateTime.UtcNow };
            account.PasswordHash = users.PasswordHasher.HashPassword(account, DemoPassword);
            var created = await users.CreateAsync(account);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        }

        return userName;
    }

    /// <summary>
    /// A service scope whose components' user is a <paramref name="role"/>: the generated client resolved from it calls
    /// the API in process as that user (tests that read through the app's own client).
    /// </summary>
    public AsyncServiceScope SignedInScope(string role = "Doctor")
    {
        var scope = Services.CreateAsyncScope();
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(Hospital.GraphQL.Accounts.HospitalClaims.UserName, "test"), new System.Security.Claims.Claim(Hospital.GraphQL.Accounts.HospitalClaims.Role, role)],
            "test",
            Hospital.GraphQL.Accounts.HospitalClaims.UserName,
            Hospital.GraphQL.Accounts.HospitalClaims.Role);
        ((Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(new System.Security.Claims.ClaimsPrincipal(identity))));
        return scope;
    }

    /// <summary>Signs a demo account in with the API's <c>signIn</c> mutation (as an outside program) and returns its access token.</summary>
    public async Task<string> AccessTokenAsync(string userName)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsJsonAsync(
            "/graphql",
            new { query = "mutation($u: String!, $p: String!) { signIn(input: { userName: $u, password: $p }) { accessToken } }", variables = new { u = userName, p = DemoPassword } },
            TestContext.Current.CancellationToken);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (string?)json["data"]?["signIn"]?["accessToken"] ?? throw new InvalidOperationException($"{userName} could not sign in: {json.ToJsonString()}");
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(HospitalWebExtensions).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
            ContentRootPath = ProjectDirectory(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Hospital"] = $"Data Source={file}",
            ["Hospital:SeedDemoData"] = "false",
            ["Hospital:Name"] = "City Hospital",

            // Every test signs in from 127.0.0.1 (pages and API calls): the per-address limit is the API tests' subject.
            ["Hospital:Auth:SignInAttemptsPerAddress"] = "100000",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero)));
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Gate);
        builder.Services.AddHospitalData(builder.Configuration);
        builder.Services.AddHospitalGraphQL();
        builder.Services.AddHospitalDemoData();
        builder.Services.AddHospitalWeb(builder.Configuration);
        app = builder.Build();
        await app.PrepareHospitalDatabaseAsync();
        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(
            new SeedOptions { Patients = 60, Seed = 7, Today = Today, DemoPassword = DemoPassword },
            new SilentProgress());
        app.MapHospitalGraphQL();
        app.MapHospitalWeb();
        await app.StartAsync();
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>
    /// Runs <paramref name="open"/> (which opens a page that follows <paramref name="topic"/>) and returns once the server
    /// holds the new subscription, so a change made next cannot slip in before the page listens.
    /// </summary>
    public async Task ExpectSubscriptionAsync(string topic, Func<Task> open)
    {
        var events = Services.GetRequiredService<Gql.Server.Subscriptions.InMemoryTopicEvents>();
        var before = events.SubscriptionsStarted(topic);
        await open();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (events.SubscriptionsStarted(topic) <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No page subscribed to {topic}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// POSTs a GraphQL request to the running app as an outside client signed in as <paramref name="asUser"/> would;
    /// fails the test on GraphQL errors.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonObject> GraphQLAsync(string query, object? variables = null, string asUser = "doctor")
    {
        var token = await accessTokens.GetOrAdd(asUser, AccessTokenAsync);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await http.PostAsync("graphql", System.Net.Http.Json.JsonContent.Create(new { query, variables }), TestContext.Current.CancellationToken);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.True(json["errors"] is null, json["errors"]?.ToJsonString());
        return json;
    }

    /// <summary>
    /// Records a critical lab result (through the API, as the lab would) unless one exists from the last 7 days, so that
    /// pages showing critical results are checked in their alert state whatever ran before.
    /// </summary>
    public async Task EnsureCriticalResultAsync()
    {
        var since = new DateTimeOffset(Today.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var existing = await GraphQLAsync("query ($since: DateTime) { labOrders(first: 0, where: { results: { some: { flag: { eq: CRITICAL } } }, orderedAt: { gte: $since } }) { totalCount } }", new { since });
        if ((int)existing["data"]!["labOrders"]!["totalCount"]! > 0)
        {
            return;
        }

        var people = await GraphQLAsync("{ patients(first: 1) { nodes { id } } doctors(first: 1) { nodes { id } } }");
        var order = await GraphQLAsync(
            "mutation ($p: ID!, $d: ID!) { orderLabTest(input: { patientId: $p, orderedById: $d, testCode: \"K\", testName: \"Potassium\" }) { labOrder { id } } }",
            new { p = (string)people["data"]!["patients"]!["nodes"]![0]!["id"]!, d = (string)people["data"]!["doctors"]!["nodes"]![0]!["id"]! });
        var id = (string)order["data"]!["orderLabTest"]!["labOrder"]!["id"]!;
        await GraphQLAsync("mutation ($id: ID!) { collectLabSpecimen(input: { labOrderId: $id }) { errors { ... on Error { message } } } }", new { id });
        await GraphQLAsync("mutation ($id: ID!) { startLabAnalysis(input: { labOrderId: $id }) { errors { ... on Error { message } } } }", new { id });
        await GraphQLAsync("mutation ($id: ID!) { recordLabResults(input: { labOrderId: $id, results: [{ analyte: \"Potassium\", value: \"9.0\", numericValue: 9.0, referenceLow: 3.5, referenceHigh: 5.1 }] }) { errors { ... on Error { message } } } }", new { id });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    /// <summary>The repository root, found from this source file's place in it.</summary>
    public static string RepositoryDirectory() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string ProjectDirectory() => Path.Combine(RepositoryDirectory(), "Hospital.Web");

    private sealed class SilentProgress : ISeedProgress
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

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
