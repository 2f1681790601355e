using System.Net;
using System.Text.Json.Nodes;
using Gql.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

public sealed class ReadApiTests(HospitalApi api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SchemaFile_MatchesTheRunningSchema()
    {
        var running = SchemaPrinter.Print(api.Services.GetRequiredService<Schema>()) + "\n";
        var file = Path.Combine(RepositoryRoot(), "schema.graphql");

        Assert.True(File.Exists(file), "schema.graphql is missing: run `dotnet run --project Hospital.GraphQL -- schema export --output schema.graphql`.");
        Assert.True(running == File.ReadAllText(file).ReplaceLineEndings("\n"), "schema.graphql is out of date: run `dotnet run --project Hospital.GraphQL -- schema export --output schema.graphql`.");
    }

    [Fact]
    public async Task HealthEndpoints_ReportAliveAndReady()
    {
        using var alive = await api.Client.GetAsync("/healthz", Ct);
        using var ready = await api.Client.GetAsync("/healthz/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task NestedRelations_RunAFixedNumberOfStatements()
    {
        api.Sql.Reset();

        var result = await api.PostAsync("{ patients { mrn appointments { startsAt doctor { lastName department { name } } } } }");

        Assert.Null(result["errors"]);
        var patients = result["data"]!["patients"]!.AsArray();
        Assert.Equal(60, patients.Count);
        Assert.Contains(patients, p => p!["appointments"]!.AsArray().Count > 0);

        // patients, appointments, doctors, departments: one statement each, however many rows.
        Assert.Equal(4, api.Sql.Count);
    }

    [Fact]
    public async Task PatientChart_ReadsEveryRelation()
    {
        var id = (await api.PostAsync("{ patients { id } }"))["data"]!["patients"]![0]!["id"]!.GetValue<int>();

        var result = await api.PostAsync("""
            query Chart($id: Int!) {
              patient(id: $id) {
                mrn fullName dateOfBirth sex bloodType age
                address { city } emergencyContact { name } insurance { payer }
                allergies { substance severity } conditions { icdCode description status }
                appointments { status allowedTransitions encounter { chiefComplaint } }
                encounters { diagnoses { icdCode isPrimary } vitals { pulseRate recordedBy { fullName } } prescriptions { medication prescriber { lastName } } labOrders { testName } }
                vitals { temperatureCelsius } prescriptions { status }
                labOrders { status results { analyte value flag isAbnormal } notes { text author { kind } } }
                admissions { admittedAt bed { label ward { name } } attendingDoctor { lastName } }
                invoices { number total amountPaid status lines { description amount } payments { amount method } }
              }
            }
            """, new { id });

        Assert.Null(result["errors"]);
        Assert.StartsWith("MRN-", result["data"]!["patient"]!["mrn"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryRootList_Resolves()
    {
        var result = await api.PostAsync("""
            {
              staff { __typename fullName kind department { name } ... on Doctor { specialty { name } workingHours { dayOfWeek startTime endTime } timeOff { startsAt } } ... on Nurse { ward { name } } ... on SupportStaff { role } }
              doctors { id appointments(from: "2026-11-18T00:00:00Z", to: "2026-11-19T00:00:00Z") { startsAt patient { mrn } } }
              departments { name code headDoctor { lastName } specialty { code } staff { id } wards { name } }
              specialties { name doctors { id } }
              appointments(from: "2026-11-18T00:00:00Z", to: "2026-11-19T00:00:00Z") { status patient { mrn } doctor { lastName } }
              encounters { chiefComplaint appointment { id } admission { id } }
              labOrders(status: RESULTED) { testName patient { mrn } orderedBy { lastName } encounter { id } }
              wards { name floor kind department { name } nurses { lastName } beds { label status currentPatient { mrn } currentAdmission { reason } admissions { id } } }
              admissions { reason patient { mrn } bed { label } }
              invoices(status: PAID) { number patient { mrn } encounter { id } admission { id } }
              auditEntries { action }
            }
            """);

        Assert.Null(result["errors"]);
        var data = result["data"]!;
        Assert.Equal(15, data["specialties"]!.AsArray().Count);
        Assert.Contains(data["wards"]!.AsArray().SelectMany(w => w!["beds"]!.AsArray()), b => b!["currentPatient"] is JsonObject);
        Assert.All(data["labOrders"]!.AsArray(), o => Assert.NotNull(o!["patient"]));
    }

    [Fact]
    public async Task ById_ReturnsNullForUnknownIds_AndMrnLookupIgnoresCase()
    {
        var result = await api.PostAsync("{ patient(id: -1) { id } byMrn: patientByMrn(mrn: \" mrn-0000001 \") { mrn } doctor(id: -1) { id } }");

        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["patient"]);
        Assert.Equal("MRN-0000001", result["data"]!["byMrn"]!["mrn"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidQuery_IsAValidationErrorWithLocation()
    {
        using var response = await api.Client.PostAsync("/graphql", new StringContent("""{"query":"{ patients { nme } }"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cannot query field \"nme\" on type \"Patient\". Did you mean \"age\"?", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
