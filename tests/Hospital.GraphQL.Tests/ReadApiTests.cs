using System.Net;
using System.Text.Json.Nodes;
using Gql.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

public abstract class ReadApiTests(HospitalApi api)
{

    /// <summary>The API, or a skip when its database server could not start here.</summary>
    private HospitalApi Api
    {
        get
        {
            Assert.SkipWhen(api.SkipReason is not null, api.SkipReason ?? "");
            return api;
        }
    }
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SchemaFile_MatchesTheRunningSchema()
    {
        var running = SchemaPrinter.Print(Api.Services.GetRequiredService<Schema>()) + "\n";
        var file = Path.Combine(RepositoryRoot(), "schema.graphql");

        Assert.True(File.Exists(file), "schema.graphql is missing: run `dotnet run --project Hospital.GraphQL -- schema export --output schema.graphql`.");
        Assert.True(running == File.ReadAllText(file).ReplaceLineEndings("\n"), "schema.graphql is out of date: run `dotnet run --project Hospital.GraphQL -- schema export --output schema.graphql`.");
    }

    [Fact]
    public async Task HealthEndpoints_ReportAliveAndReady()
    {
        using var alive = await Api.Client.GetAsync("/healthz", Ct);
        using var ready = await Api.Client.GetAsync("/healthz/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task NestedRelations_RunAFixedNumberOfStatements()
    {
        Api.Sql.Reset();

        var result = await Api.PostAsAsync("reception", "{ patients(first: 50) { nodes { mrn appointments { startsAt doctor { lastName department { name } } } } } }");

        Assert.Null(result["errors"]);
        var patients = result["data"]!["patients"]!["nodes"]!.AsArray();
        Assert.Equal(50, patients.Count);
        Assert.Contains(patients, p => p!["appointments"]!.AsArray().Count > 0);

        // patients, appointments, doctors, departments: one statement each, however many rows.
        Assert.Equal(4, Api.Sql.Count);
    }

    [Fact]
    public async Task DashboardAggregates_AgreeWithTheListsTheyCount_InOneStatementEach()
    {
        const string from = "2000-01-01T00:00:00Z", to = "2100-01-01T00:00:00Z";
        Api.Sql.Reset();
        var result = await Api.PostAsAsync("analyst", $$"""
            {
              appointmentStatistics(from: "{{from}}", to: "{{to}}") { total byStatus { status count } }
              bedOccupancy { beds { total occupied available cleaning outOfService occupancyPercent } wards { ward { name } beds { total occupied } } }
            }
            """);
        var statements = Api.Sql.Count;
        var lists = await Api.PostAsAsync("admin", $$"""
            {
              all: appointments(from: "{{from}}", to: "{{to}}", first: 0) { totalCount }
              completed: appointments(from: "{{from}}", to: "{{to}}", first: 0, where: { status: { eq: COMPLETED } }) { totalCount }
              beds(take: 500) { items { status ward { name } } }
            }
            """);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.True(lists["errors"] is null, lists["errors"]?.ToJsonString());
        var statistics = result["data"]!["appointmentStatistics"]!;
        Assert.Equal((int)lists["data"]!["all"]!["totalCount"]!, (int)statistics["total"]!);
        Assert.Equal((int)lists["data"]!["completed"]!["totalCount"]!, (int)statistics["byStatus"]!.AsArray().Single(s => (string?)s!["status"] == "COMPLETED")!["count"]!);
        Assert.Equal(6, statistics["byStatus"]!.AsArray().Count);
        Assert.Equal((int)statistics["total"]!, statistics["byStatus"]!.AsArray().Sum(s => (int)s!["count"]!));

        var beds = lists["data"]!["beds"]!["items"]!.AsArray();
        var occupancy = result["data"]!["bedOccupancy"]!;
        Assert.Equal(beds.Count, (int)occupancy["beds"]!["total"]!);
        Assert.Equal(beds.Count(b => (string?)b!["status"] == "OCCUPIED"), (int)occupancy["beds"]!["occupied"]!);
        Assert.Equal(beds.Count(b => (string?)b!["status"] == "AVAILABLE"), (int)occupancy["beds"]!["available"]!);
        var firstWard = occupancy["wards"]![0]!;
        Assert.Equal(beds.Count(b => (string?)b!["ward"]!["name"] == (string?)firstWard["ward"]!["name"]), (int)firstWard["beds"]!["total"]!);

        // One GROUP BY each, and one statement for the wards' names.
        Assert.Equal(3, statements);
    }

    [Fact]
    public async Task PatientChart_ReadsEveryRelation_TheClinicalPartAsDoctor_TheBillingPartAsReception()
    {
        var id = (await Api.PostAsAsync("doctor", "{ patients(first: 1) { nodes { id } } }"))["data"]!["patients"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var result = await Api.PostAsAsync("doctor", """
            query Chart($id: ID!) {
              patient(id: $id) {
                mrn fullName dateOfBirth sex bloodType age
                address { city } emergencyContact { name } insurance { payer }
                allergies { substance severity } conditions { icdCode description status }
                appointments { status allowedTransitions encounter { chiefComplaint } }
                encounters { diagnoses { icdCode isPrimary } vitals { pulseRate recordedBy { fullName } } prescriptions { medication prescriber { lastName } } labOrders { testName } }
                vitals { temperatureCelsius } prescriptions { status }
                labOrders { status results { analyte value flag isAbnormal } notes { text author { kind } } }
                admissions { admittedAt dischargeSummary bed { label ward { name } } attendingDoctor { lastName } }
              }
            }
            """, new { id });
        var billing = await Api.PostAsAsync("reception", """
            query Billing($id: ID!) {
              patient(id: $id) { mrn invoices { number total amountPaid status lines { description amount } payments { amount method } } }
            }
            """, new { id });

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.StartsWith("MRN-", result["data"]!["patient"]!["mrn"]!.GetValue<string>());
        Assert.True(billing["errors"] is null, billing["errors"]?.ToJsonString());
        Assert.Equal(result["data"]!["patient"]!["mrn"]!.GetValue<string>(), billing["data"]!["patient"]!["mrn"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryRootList_Resolves_ForTheRolesThatReadIt()
    {
        var result = await Api.PostAsAsync("admin", """
            {
              staff { nodes { __typename fullName kind department { name } ... on Doctor { specialty { name } workingHours { dayOfWeek startTime endTime } timeOff { startsAt } } ... on Nurse { ward { name } } ... on SupportStaff { role } } }
              doctors { nodes { id appointments(from: "2026-11-18T00:00:00Z", to: "2026-11-19T00:00:00Z") { startsAt patient { mrn } } } }
              departments { name code headDoctor { lastName } specialty { code } staff { id } wards { name } }
              specialties { name doctors { id } }
              appointments(from: "2026-11-18T00:00:00Z", to: "2026-11-19T00:00:00Z") { nodes { status patient { mrn } doctor { lastName } } }
              wards { name floor kind department { name } nurses { lastName } beds { label status currentPatient { mrn } currentAdmission { reason } admissions { id } } }
              admissions { nodes { reason patient { mrn } bed { label } } }
              invoices(where: { status: { eq: PAID } }) { nodes { number patient { mrn } encounter { id } admission { id } } }
              auditEntries { nodes { action } }
            }
            """);
        var clinical = await Api.PostAsAsync("doctor", """
            {
              encounters { nodes { chiefComplaint appointment { id } admission { id } } }
              labOrders(where: { status: { eq: RESULTED } }) { nodes { testName patient { mrn } orderedBy { lastName } encounter { id } } }
            }
            """);

        // An invoice's encounter is clinical: the administrator reads the invoices and is refused each encounter.
        Assert.All(result["errors"]!.AsArray(), e =>
        {
            Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)e!["extensions"]!["code"]);
            Assert.Equal(["invoices", "nodes", "encounter"], e["path"]!.AsArray().Where(p => p!.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(p => (string)p!));
        });
        Assert.True(clinical["errors"] is null, clinical["errors"]?.ToJsonString());
        var data = result["data"]!;
        Assert.Equal(15, data["specialties"]!.AsArray().Count);
        Assert.Contains(data["wards"]!.AsArray().SelectMany(w => w!["beds"]!.AsArray()), b => b!["currentPatient"] is JsonObject);
        Assert.NotEmpty(clinical["data"]!["encounters"]!["nodes"]!.AsArray());
        Assert.All(clinical["data"]!["labOrders"]!["nodes"]!.AsArray(), o => Assert.NotNull(o!["patient"]));
    }

    [Fact]
    public async Task PatientsWalk_SeesEveryPatientOnce_WithOneStatementPerPage()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            Api.Sql.Reset();
            var page = (await Api.PostAsAsync("reception", "query ($after: String) { patients(first: 25, after: $after) { totalCount nodes { mrn } pageInfo { hasNextPage endCursor } } }", new { after }))["data"]!["patients"]!;
            Assert.Equal(2, Api.Sql.Count);
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["mrn"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(60, total);
        Assert.Equal(60, seen.Distinct().Count());
        Assert.Equal(60, seen.Count);
    }

    [Fact]
    public async Task ById_ReturnsNullForUnknownIds_AndMrnLookupIgnoresCase()
    {
        var unknown = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Patient:999999"));
        var result = await Api.PostAsAsync("reception", $"{{ patient(id: \"{unknown}\") {{ id }} byMrn: patientByMrn(mrn: \" mrn-0000001 \") {{ mrn }} }}");

        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["patient"]);
        Assert.Equal("MRN-0000001", result["data"]!["byMrn"]!["mrn"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidQuery_IsAValidationErrorWithLocation()
    {
        using var response = await Api.SendWithTokenAsync(await Api.AccessTokenAsync("reception"), "{ patients { nodes { nme } } }");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cannot query field \"nme\" on type \"Patient\". Did you mean \"age\"?", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task GlobalIds_AreOpaque_AndNodeFetchesAnyType()
    {
        var page = (await Api.PostAsAsync("reception", "{ patients(first: 1) { nodes { id mrn appointments { id doctor { id fullName } } } } }"))["data"]!["patients"]!["nodes"]![0]!;
        var patientId = page["id"]!.GetValue<string>();
        var doctorId = page["appointments"]![0]!["doctor"]!["id"]!.GetValue<string>();

        var result = await Api.PostAsAsync("reception", "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Patient { mrn } ... on Doctor { fullName } } }", new { ids = new[] { patientId, doctorId } });

        Assert.Null(result["errors"]);
        Assert.StartsWith("Patient:", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(patientId)));
        var nodes = result["data"]!["nodes"]!.AsArray();
        Assert.Equal("Patient", nodes[0]!["__typename"]!.GetValue<string>());
        Assert.Equal(page["mrn"]!.GetValue<string>(), nodes[0]!["mrn"]!.GetValue<string>());
        Assert.Equal("Doctor", nodes[1]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdOfTheWrongType_IsAnInvalidIdError()
    {
        var doctorId = (await Api.PostAsAsync("reception", "{ doctors(first: 1) { nodes { id } } }"))["data"]!["doctors"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var result = await Api.PostAsAsync("reception", "query ($id: ID!) { patient(id: $id) { mrn } }", new { id = doctorId });

        Assert.Equal("INVALID_ID", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal($"The id \"{doctorId}\" is not the id of a Patient.", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}

public sealed class SqliteReadApiTests(HospitalApi api) : ReadApiTests(api);

public sealed class PostgresReadApiTests(PostgresHospitalApi api) : ReadApiTests(api);

public sealed class MariaDbReadApiTests(MariaDbHospitalApi api) : ReadApiTests(api);
