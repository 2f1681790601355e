using System.Text.Json.Nodes;
using Gql.Server.Relay;

namespace Hospital.GraphQL.Tests;

/// <summary>An API of its own (a separate database): these tests admit, move and discharge patients.</summary>
public sealed class AdmissionApi : HospitalApi;

/// <inheritdoc cref="AdmissionApi"/>
public sealed class PostgresAdmissionApi : PostgresHospitalApi;

/// <inheritdoc cref="AdmissionApi"/>
public sealed class MariaDbAdmissionApi : MariaDbHospitalApi;

/// <summary>admitPatient, transferPatient and dischargePatient: the beds they move, the stay's history, each typed error and the roles, on each provider.</summary>
public abstract class AdmissionApiTests(HospitalApi api)
{
    private const string Stay = "id version isActive dischargedAt bed { id status } transfers { fromBed { id status } toBed { id } reason transferredBy { id } }";
    private const string Errors = "errors { __typename ... on Error { message } }";
    private static int patientsTaken = -1;
    private static int bedsTaken = -1;

    private HospitalApi Api
    {
        get
        {
            Assert.SkipWhen(api.SkipReason is not null, api.SkipReason ?? "");
            return api;
        }
    }

    [Fact]
    public async Task AStay_GoesFromAdmissionThroughATransferToDischarge_AndTheBedsFollow()
    {
        var patient = await FreePatientAsync();
        var (first, second) = (await FreeBedAsync(), await FreeBedAsync());
        var doctor = await DoctorAsync();

        var admitted = await AdmitAsync("doctor", patient, first, doctor);
        var id = (string)admitted["admission"]!["id"]!;
        var moved = await MutateAsync("nurse", "transferPatient", "$id: ID!, $bed: ID!, $v: Int", "admissionId: $id, bedId: $bed, reason: \"Needs monitoring\", version: $v", new { id, bed = second, v = (int)admitted["admission"]!["version"]! });
        var left = await MutateAsync("doctor", "dischargePatient", "$id: ID!", "admissionId: $id, summary: \"Stable. Follow-up in two weeks.\"", new { id });

        Assert.Null(admitted["errors"]);
        Assert.Equal("OCCUPIED", (string?)admitted["admission"]!["bed"]!["status"]);
        Assert.Null(moved["errors"]);
        var transfer = moved["admission"]!["transfers"]![0]!;
        Assert.Equal((first, second, "Needs monitoring"), ((string?)transfer["fromBed"]!["id"], (string?)transfer["toBed"]!["id"], (string?)transfer["reason"]));
        Assert.Equal("CLEANING", (string?)transfer["fromBed"]!["status"]);
        Assert.NotNull(transfer["transferredBy"]);
        Assert.Equal((second, "OCCUPIED"), ((string?)moved["admission"]!["bed"]!["id"], (string?)moved["admission"]!["bed"]!["status"]));
        Assert.Null(left["errors"]);
        Assert.False((bool)left["admission"]!["isActive"]!);
        Assert.Equal("CLEANING", (string?)left["admission"]!["bed"]!["status"]);
        var summary = await Api.PostAsAsync("doctor", "query ($id: ID!) { admission(id: $id) { dischargeSummary transfers { reason } } }", new { id });
        Assert.Equal("Stable. Follow-up in two weeks.", (string?)summary["data"]!["admission"]!["dischargeSummary"]);
    }

    [Fact]
    public async Task BrokenRules_AreTypedErrors_AndAStaleFormIsRefused()
    {
        var (patient, other) = (await FreePatientAsync(), await FreePatientAsync());
        var (bed, free) = (await FreeBedAsync(), await FreeBedAsync());
        var doctor = await DoctorAsync();
        var admitted = await AdmitAsync("doctor", patient, bed, doctor);
        var id = (string)admitted["admission"]!["id"]!;
        var version = (int)admitted["admission"]!["version"]!;

        var takenBed = await AdmitAsync("doctor", other, bed, doctor);
        var twice = await AdmitAsync("doctor", patient, free, doctor);
        var noReason = await AdmitAsync("doctor", other, free, doctor, reason: " ");
        var unknownBed = await AdmitAsync("doctor", other, NodeIds.Encode("Bed", 987654), doctor);
        var sameBed = await MutateAsync("nurse", "transferPatient", "$id: ID!, $bed: ID!", "admissionId: $id, bedId: $bed, reason: \"Why not\"", new { id, bed });
        var noSummary = await MutateAsync("doctor", "dischargePatient", "$id: ID!", "admissionId: $id, summary: \"\"", new { id });
        var moved = await MutateAsync("nurse", "transferPatient", "$id: ID!, $bed: ID!, $v: Int", "admissionId: $id, bedId: $bed, reason: \"Quieter room\", version: $v", new { id, bed = free, v = version });
        var stale = await MutateAsync("doctor", "dischargePatient", "$id: ID!, $v: Int", "admissionId: $id, summary: \"Home\", version: $v", new { id, v = version });
        await MutateAsync("doctor", "dischargePatient", "$id: ID!", "admissionId: $id, summary: \"Home\"", new { id });
        var gone = await MutateAsync("nurse", "transferPatient", "$id: ID!, $bed: ID!", "admissionId: $id, bedId: $bed, reason: \"Late\"", new { id, bed });
        var again = await MutateAsync("doctor", "dischargePatient", "$id: ID!", "admissionId: $id, summary: \"Again\"", new { id });

        Assert.Equal("BedNotAvailableError", (string?)takenBed["errors"]![0]!["__typename"]);
        Assert.Equal("PatientAlreadyAdmittedError", (string?)twice["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)noReason["errors"]![0]!["__typename"]);
        Assert.Equal("NotFoundError", (string?)unknownBed["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)sameBed["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)noSummary["errors"]![0]!["__typename"]);
        Assert.Null(moved["errors"]);
        Assert.Equal("ConcurrencyError", (string?)stale["errors"]![0]!["__typename"]);
        Assert.Equal("InvalidTransitionError", (string?)gone["errors"]![0]!["__typename"]);
        Assert.Equal("InvalidTransitionError", (string?)again["errors"]![0]!["__typename"]);
        var beds = await Api.PostAsAsync("nurse", "query ($a: ID!, $b: ID!) { a: bed(id: $a) { status } b: bed(id: $b) { status } }", new { a = bed, b = free });
        Assert.Equal(("CLEANING", "CLEANING"), ((string?)beds["data"]!["a"]!["status"], (string?)beds["data"]!["b"]!["status"]));
    }

    [Fact]
    public async Task TenParallelAdmissions_ToOneBed_GiveOneStay_AndNineBedNotAvailableErrors()
    {
        var bed = await FreeBedAsync();
        var doctor = await DoctorAsync();
        var patients = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            patients.Add(await FreePatientAsync());
        }

        var token = await Api.AccessTokenAsync("nurse");
        var results = await Task.WhenAll(patients.Select(p => Task.Run(async () =>
            (await Api.PostWithTokenAsync(token, AdmitMutation, new { p, bed, d = doctor, reason = "Chest pain" }))["data"]!["admitPatient"]!)));

        Assert.Single(results, r => r["admission"] is JsonObject);
        Assert.All(results.Where(r => r["admission"] is null), r => Assert.Equal("BedNotAvailableError", (string?)r["errors"]![0]!["__typename"]));
    }

    [Theory]
    [InlineData("reception")]
    [InlineData("analyst")]
    public async Task TheFrontDeskAndAnalysts_CannotAdmit(string user)
    {
        var result = await Api.PostAsAsync(user, AdmitMutation, new { p = await FreePatientAsync(), bed = await FreeBedAsync(), d = await DoctorAsync(), reason = "Observation" });

        Assert.Null(result["data"]?["admitPatient"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
    }

    private static string AdmitMutation => $"mutation ($p: ID!, $bed: ID!, $d: ID!, $reason: String!) {{ admitPatient(input: {{ patientId: $p, bedId: $bed, attendingDoctorId: $d, reason: $reason }}) {{ admission {{ {Stay} }} {Errors} }} }}";

    private async Task<JsonNode> AdmitAsync(string user, string patient, string bed, string doctor, string reason = "Pneumonia")
    {
        var result = await Api.PostAsAsync(user, AdmitMutation, new { p = patient, bed, d = doctor, reason });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["admitPatient"]!;
    }

    private async Task<JsonNode> MutateAsync(string user, string field, string variables, string input, object values)
    {
        var result = await Api.PostAsAsync(user, $"mutation ({variables}) {{ {field}(input: {{ {input} }}) {{ admission {{ {Stay} }} {Errors} }} }}", values);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]![field]!;
    }

    /// <summary>A patient not admitted, that no other test of this class uses.</summary>
    private async Task<string> FreePatientAsync()
    {
        var result = await Api.PostAsAsync("nurse", "{ patients(first: 100, order: [{ mrn: ASC }]) { nodes { id admissions { isActive } } } }");
        Assert.True(result["errors"] is null, result.ToJsonString());
        var free = result["data"]!["patients"]!["nodes"]!.AsArray().Where(p => !p!["admissions"]!.AsArray().Any(a => (bool)a!["isActive"]!)).Select(p => (string)p!["id"]!).ToList();
        return free[Interlocked.Increment(ref patientsTaken) % free.Count];
    }

    /// <summary>An available bed that no other test of this class uses.</summary>
    private async Task<string> FreeBedAsync()
    {
        var result = await Api.PostAsAsync("nurse", "{ beds(take: 100, where: { status: { eq: AVAILABLE } }) { items { id } } }");
        Assert.True(result["errors"] is null, result.ToJsonString());
        var free = result["data"]!["beds"]!["items"]!.AsArray().Select(b => (string)b!["id"]!).ToList();
        return free[Interlocked.Increment(ref bedsTaken) % free.Count];
    }

    private async Task<string> DoctorAsync()
    {
        var result = await Api.PostAsAsync("nurse", "{ doctors(first: 1, where: { isActive: { eq: true } }) { nodes { id } } }");
        return (string)result["data"]!["doctors"]!["nodes"]![0]!["id"]!;
    }
}

public sealed class SqliteAdmissionApiTests(AdmissionApi api) : AdmissionApiTests(api), IClassFixture<AdmissionApi>;

public sealed class PostgresAdmissionApiTests(PostgresAdmissionApi api) : AdmissionApiTests(api), IClassFixture<PostgresAdmissionApi>;

public sealed class MariaDbAdmissionApiTests(MariaDbAdmissionApi api) : AdmissionApiTests(api), IClassFixture<MariaDbAdmissionApi>;
