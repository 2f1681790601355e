using System.Text.Json.Nodes;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>Paging, filtering, sorting and projection translated to SQL, on each provider: nothing is done in memory.</summary>
public abstract class QueryTranslationTests(HospitalApi api)
{
    [Fact]
    public async Task CaseInsensitiveNameSearch_FiltersInSql()
    {
        var sample = (await PostAsync("reception", "{ patients(first: 1) { nodes { lastName } } }"))["patients"]!["nodes"]![0]!["lastName"]!.GetValue<string>();
        var fragment = sample[1..^1].ToUpperInvariant();
        api.Sql.Reset();

        var data = await PostAsync("reception", "query ($text: String!) { patients(first: 100, where: { lastName: { icontains: $text } }) { totalCount nodes { lastName } } }", new { text = fragment });

        var names = data["patients"]!["nodes"]!.AsArray().Select(n => n!["lastName"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(fragment, n, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(names.Count, data["patients"]!["totalCount"]!.GetValue<int>());
        Assert.Contains(api.Sql.Commands, c => c.Contains("lower(", StringComparison.OrdinalIgnoreCase) && c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Projection_SelectsOnlyTheRequestedColumns()
    {
        api.Sql.Reset();

        await PostAsync("reception", "{ patients(first: 5) { nodes { mrn } } }");

        var sql = Assert.Single(api.Sql.Commands);
        Assert.Contains("mrn", sql);
        Assert.DoesNotContain("blood_type", sql);
        Assert.DoesNotContain("address_city", sql);
        Assert.DoesNotContain("email", sql);
    }

    [Fact]
    public async Task NestedAppointments_LoadOnlyTheSelectedColumns_InOneBatch()
    {
        api.Sql.Reset();

        var data = await PostAsync("reception", "{ patients(first: 20) { nodes { appointments { startsAt status doctor { fullName } } } } }");

        // Assert: still one statement per level (patients, appointments, doctors), and the appointments' reads only what
        // the selection needs, the keys included.
        Assert.NotEmpty(data["patients"]!["nodes"]!.AsArray().SelectMany(p => p!["appointments"]!.AsArray()));
        Assert.Equal(3, api.Sql.Commands.Count);
        var sql = Assert.Single(api.Sql.Commands, c => c.Contains("FROM \"appointments\"", StringComparison.OrdinalIgnoreCase)
            || c.Contains("FROM `appointments`", StringComparison.OrdinalIgnoreCase) || c.Contains("FROM appointments", StringComparison.OrdinalIgnoreCase));
        foreach (var column in new[] { "starts_at", "status", "doctor_id", "patient_id" })
        {
            Assert.Contains(column, sql);
        }

        foreach (var column in new[] { "ends_at", "reason", "created_at", "checked_in_at", "started_at", "completed_at" })
        {
            Assert.DoesNotContain(column, sql);
        }
    }

    [Fact]
    public async Task NestedAppointments_ComputedFieldsGetTheColumnsTheyRequire()
    {
        const string withStatus = "{ patients(first: 20) { nodes { appointments { id status allowedTransitions } } } }";
        const string withoutStatus = "{ patients(first: 20) { nodes { appointments { id allowedTransitions } } } }";

        var expected = (await PostAsync("reception", withStatus))["patients"]!["nodes"]!.AsArray().SelectMany(p => p!["appointments"]!.AsArray())
            .ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!["allowedTransitions"]!.ToJsonString());
        var actual = (await PostAsync("reception", withoutStatus))["patients"]!["nodes"]!.AsArray().SelectMany(p => p!["appointments"]!.AsArray())
            .ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!["allowedTransitions"]!.ToJsonString());

        Assert.Contains(expected.Values, v => v != "[]");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task DataLoaderBatch_ReusesOneCompiledQueryForEveryKeySet()
    {
        // Arrange: the appointments loader's query has been compiled once, for one key set.
        await PostAsync("reception", "{ patients(first: 3) { nodes { appointments { status } } } }");
        api.Compilations.Reset();
        api.Sql.Reset();

        // Act: a larger page gives the loader another key set.
        await PostAsync("reception", "{ patients(first: 7) { nodes { appointments { status } } } }");

        // Assert: the keys travel as a parameter, so EF Core answers from its query cache instead of compiling again.
        Assert.Contains(api.Sql.Commands, c => c.Contains("appointments", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(api.Compilations.Expressions, e => e.Contains("Appointment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SortedWalk_SeesEveryPatientOnce_InOrder()
    {
        var seen = new List<(string Dob, string Mrn)>();
        string? after = null;
        do
        {
            var page = (await PostAsync("reception", "query ($after: String) { patients(first: 17, after: $after, order: [{ dateOfBirth: DESC }, { mrn: ASC }]) { nodes { mrn dateOfBirth } pageInfo { hasNextPage endCursor } } }", new { after }))["patients"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (n!["dateOfBirth"]!.GetValue<string>(), n["mrn"]!.GetValue<string>())));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(60, seen.Select(s => s.Mrn).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.Dob, StringComparer.Ordinal).ThenBy(s => s.Mrn, StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task NestedAndEnumFilters_TranslateToJoins()
    {
        var data = await PostAsync("doctor", """
            {
              doctors(where: { specialty: { name: { eq: "Cardiology" } }, isActive: { eq: true } }) { nodes { specialty { name } } }
              appointments(first: 500, where: { status: { in: [COMPLETED, NO_SHOW] }, doctor: { department: { code: { eq: "CARD" } } } }) { nodes { status doctor { department { code } } } }
              labOrders(where: { priority: { eq: STAT }, results: { some: { flag: { neq: NORMAL } } } }) { nodes { priority results { flag } } }
            }
            """);

        Assert.All(data["doctors"]!["nodes"]!.AsArray(), d => Assert.Equal("Cardiology", d!["specialty"]!["name"]!.GetValue<string>()));
        Assert.NotEmpty(data["doctors"]!["nodes"]!.AsArray());
        Assert.All(data["appointments"]!["nodes"]!.AsArray(), a =>
        {
            Assert.Contains(a!["status"]!.GetValue<string>(), new[] { "COMPLETED", "NO_SHOW" });
            Assert.Equal("CARD", a["doctor"]!["department"]!["code"]!.GetValue<string>());
        });
        Assert.All(data["labOrders"]!["nodes"]!.AsArray(), o =>
        {
            Assert.Equal("STAT", o!["priority"]!.GetValue<string>());
            Assert.Contains(o["results"]!.AsArray(), r => r!["flag"]!.GetValue<string>() != "NORMAL");
        });
    }

    [Fact]
    public async Task MoneyAndDateFilters_CompareAsNumbersAndDates()
    {
        var data = await PostAsync("reception", """
            { invoices(first: 200, where: { total: { gte: 150 }, dueDate: { lt: "2026-12-01" } }, order: [{ total: DESC }]) { nodes { total dueDate } } }
            """);

        var invoices = data["invoices"]!["nodes"]!.AsArray();
        Assert.NotEmpty(invoices);
        Assert.All(invoices, i =>
        {
            Assert.True(i!["total"]!.GetValue<decimal>() >= 150m);
            Assert.True(string.CompareOrdinal(i["dueDate"]!.GetValue<string>(), "2026-12-01") < 0);
        });
        var totals = invoices.Select(i => i!["total"]!.GetValue<decimal>()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
    }

    public static TheoryData<string, string> PatientFilters => new()
    {
        { "{ mrn: { eq: \"MRN-0000007\" } }", "eq" },
        { "{ mrn: { neq: \"MRN-0000007\" } }", "neq" },
        { "{ mrn: { in: [\"MRN-0000001\", \"MRN-0000002\"] } }", "in" },
        { "{ mrn: { nin: [\"MRN-0000001\", \"MRN-0000002\"] } }", "nin" },
        { "{ lastName: { startsWith: \"M\" } }", "startsWith" },
        { "{ lastName: { nstartsWith: \"M\" } }", "nstartsWith" },
        { "{ lastName: { endsWith: \"son\" } }", "endsWith" },
        { "{ lastName: { nendsWith: \"son\" } }", "nendsWith" },
        { "{ lastName: { contains: \"er\" } }", "contains" },
        { "{ lastName: { ncontains: \"er\" } }", "ncontains" },
        { "{ lastName: { ieq: \"SMITH\" } }", "ieq" },
        { "{ firstName: { icontains: \"AN\" } }", "icontains" },
        { "{ firstName: { istartsWith: \"j\" } }", "istartsWith" },
        { "{ firstName: { iendsWith: \"E\" } }", "iendsWith" },
        { "{ dateOfBirth: { gt: \"1980-01-01\" } }", "gt" },
        { "{ dateOfBirth: { gte: \"1980-01-01\", lte: \"1999-12-31\" } }", "gte lte" },
        { "{ dateOfBirth: { lt: \"1950-06-30\" } }", "lt" },
        { "{ dateOfBirth: { ngt: \"1970-01-01\" } }", "ngt" },
        { "{ dateOfBirth: { nlt: \"2000-01-01\" } }", "nlt" },
        { "{ sex: { eq: FEMALE } }", "enum eq" },
        { "{ sex: { nin: [FEMALE, MALE] } }", "enum nin" },
        { "{ phone: { eq: null } }", "null" },
        { "{ or: [{ lastName: { startsWith: \"A\" } }, { lastName: { startsWith: \"B\" } }] }", "or" },
        { "{ and: [{ sex: { eq: MALE } }, { dateOfBirth: { lt: \"1960-01-01\" } }] }", "and" },
    };

    [Theory]
    [MemberData(nameof(PatientFilters))]
    public async Task PatientFilter_MatchesTheSameRowsAsLinqToObjects(string where, string operation)
    {
        var expected = await ExpectedMrnsAsync(where);

        var data = await PostAsync("reception", $"{{ patients(first: 200, where: {where}) {{ nodes {{ mrn }} }} }}");

        var actual = data["patients"]!["nodes"]!.AsArray().Select(n => n!["mrn"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{operation}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
    }

    /// <summary>The same filter run by the engine over every patient in memory (LINQ to objects), as the reference.</summary>
    private async Task<List<string>> ExpectedMrnsAsync(string where)
    {
        if (api.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        InMemoryPatientQueries.Patients = await db.Patients.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var result = await new Gql.Server.Execution.RequestExecutor(InMemorySchema.Value).ExecuteAsync(
            new Gql.Server.Execution.GraphQLRequest($"{{ patients(first: 200, where: {where}) {{ nodes {{ mrn }} }} }}"),
            new Gql.Server.Execution.RequestContext { Services = new ServiceCollection().BuildServiceProvider() },
            TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);
        var nodes = (IEnumerable<object?>)((IReadOnlyDictionary<string, object?>)result.Data!["patients"]!)["nodes"]!;
        return nodes.Select(n => (string)((IReadOnlyDictionary<string, object?>)n!)["mrn"]!).Order(StringComparer.Ordinal).ToList();
    }

    private static readonly Lazy<Gql.Server.Schema> InMemorySchema = new(() => new Gql.Server.CodeFirstSchemaBuilder().AddType(typeof(InMemoryPatientQueries)).Build());

    [Gql.Server.QueryType]
    private static class InMemoryPatientQueries
    {
        public static List<Patient> Patients { get; set; } = [];

        [Gql.Data.Paging.UsePaging(MaxPageSize = 200)]
        [Gql.Data.UseFiltering]
        public static IQueryable<Patient> GetPatients() => Patients.AsQueryable().OrderBy(p => p.Id);
    }

    /// <summary>Runs a query as the demo account <paramref name="user"/> and returns its data (there must be no errors).</summary>
    private async Task<JsonNode> PostAsync(string user, string query, object? variables = null)
    {
        if (api.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var result = await api.PostAsAsync(user, query, variables);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!;
    }
}

public sealed class SqliteQueryTranslationTests(HospitalApi api) : QueryTranslationTests(api);

public sealed class PostgresQueryTranslationTests(PostgresHospitalApi api) : QueryTranslationTests(api);

public sealed class MariaDbQueryTranslationTests(MariaDbHospitalApi api) : QueryTranslationTests(api);
