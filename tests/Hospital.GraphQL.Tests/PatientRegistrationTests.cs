using System.Text.Json.Nodes;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>
/// The front desk's patient mutations and queries (issue 13): registration with a system-assigned MRN (also under
/// parallel registrations), edits with the form's version, deactivation, the duplicate check, search as you type, the
/// typed errors and who may do what. On SQLite, PostgreSQL and MariaDB.
/// </summary>
public abstract class PatientRegistrationTests(HospitalApi api) : IAsyncLifetime
{
    private const string PatientFields = "id mrn firstName lastName fullName dateOfBirth sex phone email isActive isDeceased dateOfDeath version address { line1 city postalCode country } emergencyContact { name relationship phone } insurance { payer policyNumber validUntil }";

    private const string Invalid = "__typename ... on Error { message } ... on ValidationError { code fields { field message } }";

    private static readonly string Register = $"mutation($input: RegisterPatientInput!) {{ registerPatient(input: $input) {{ patient {{ {PatientFields} }} errors {{ {Invalid} }} }} }}";
    private static readonly string Update = $"mutation($input: UpdatePatientInput!) {{ updatePatient(input: $input) {{ patient {{ {PatientFields} }} errors {{ {Invalid} ... on ConcurrencyError {{ code currentVersion changedFields }} }} }} }}";

    private HospitalApi Api
    {
        get
        {
            Assert.SkipWhen(api.SkipReason is not null, api.SkipReason ?? "");
            return api;
        }
    }

    private int lastSeededId;

    public async ValueTask InitializeAsync()
    {
        if (api.SkipReason is null)
        {
            await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            lastSeededId = await db.Patients.MaxAsync(p => p.Id, TestContext.Current.CancellationToken);
        }
    }

    // The other test classes share this database and count its 60 demo patients: take away the ones registered here.
    public async ValueTask DisposeAsync()
    {
        if (api.SkipReason is null)
        {
            await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync();
            await db.Patients.Where(p => p.Id > lastSeededId).ExecuteDeleteAsync();
        }

        GC.SuppressFinalize(this);
    }

    public static TheoryData<string, bool> RolesThatMayRegister => new()
    {
        { "reception", true },
        { "admin", true },
        { "doctor", false },
        { "nurse", false },
        { "analyst", false },
        { "", false },
    };

    [Fact]
    public async Task RegisterPatient_AsReception_AssignsTheNextMrnAndKeepsEveryPart()
    {
        var highest = await HighestMrnAsync();
        var last = Unique("Okonkwo");

        var result = await RegisterAsync("reception", NewPatient("Adaeze", last, "1984-03-09") with
        {
            phone = " +44 20 7946 0958 ",
            email = "Adaeze.Okonkwo@Mail.Example",
            address = new { line1 = "1 High Street", city = "Leeds", postalCode = "LS1 4AP", country = "GB" },
            emergencyContact = new { name = "Chidi Okonkwo", relationship = "brother", phone = "+44 20 7946 0000" },
            insurance = new { payer = "NHS", policyNumber = "485 777 3456", validUntil = "2030-12-31" },
        });

        Assert.Null(result["errors"]);
        var patient = result["patient"]!;
        Assert.Equal(Hospital.Data.Domain.EntityValidator.FormatMrn(highest + 1), (string?)patient["mrn"]);
        Assert.Equal("+44 20 7946 0958", (string?)patient["phone"]);
        Assert.Equal("adaeze.okonkwo@mail.example", (string?)patient["email"]);
        Assert.Equal("Leeds", (string?)patient["address"]!["city"]);
        Assert.Equal("brother", (string?)patient["emergencyContact"]!["relationship"]);
        Assert.Equal("2030-12-31", (string?)patient["insurance"]!["validUntil"]);
        Assert.True((bool)patient["isActive"]!);
        Assert.Equal(0, (int)patient["version"]!);
    }

    [Theory]
    [MemberData(nameof(RolesThatMayRegister))]
    public async Task RegisterPatient_ByRole_IsTakenOnlyByReceptionAndAdmins(string user, bool allowed)
    {
        var last = Unique("Role");
        var token = user.Length == 0 ? null : await Api.AccessTokenAsync(user);

        var result = await Api.PostWithTokenAsync(token, Register, new { input = NewPatient("Rita", last, "1990-01-01") });

        if (allowed)
        {
            Assert.Null(result["errors"]);
            Assert.StartsWith("MRN-", (string?)result["data"]!["registerPatient"]!["patient"]!["mrn"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(user.Length == 0 ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("registerPatient", (string?)result["errors"]![0]!["path"]![0]);
        }

        Assert.Equal(allowed ? 1 : 0, await CountAsync(last));
    }

    [Theory]
    [MemberData(nameof(RolesThatMayRegister))]
    public async Task UpdateAndDeactivatePatient_ByRole_AreTakenOnlyByReceptionAndAdmins(string user, bool allowed)
    {
        var patient = (await RegisterAsync("reception", NewPatient("Uma", Unique("Edit"), "1970-05-05")))["patient"]!;
        var token = user.Length == 0 ? null : await Api.AccessTokenAsync(user);

        var update = await Api.PostWithTokenAsync(token, Update, new { input = Edit(patient, firstName: "Umaima") });
        var deactivate = await Api.PostWithTokenAsync(token, "mutation($id: ID!) { deactivatePatient(input: { patientId: $id }) { patient { isActive } errors { __typename } } }", new { id = (string)patient["id"]! });

        foreach (var (name, result) in new[] { ("updatePatient", update), ("deactivatePatient", deactivate) })
        {
            if (allowed)
            {
                Assert.True(result["errors"] is null && result["data"]![name]!["errors"] is null, result.ToJsonString());
            }
            else
            {
                Assert.Equal(user.Length == 0 ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
            }
        }

        var stored = await FindAsync((string)patient["mrn"]!);
        Assert.Equal(allowed ? "Umaima" : "Uma", stored.FirstName);
        Assert.Equal(!allowed, stored.IsActive);
    }

    [Fact]
    public async Task RegisterPatient_TwentyAtOnce_GetTwentyDistinctConsecutiveMrns()
    {
        var highest = await HighestMrnAsync();
        var last = Unique("Parallel");
        var token = await Api.AccessTokenAsync("reception");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.PostWithTokenAsync(token, Register, new { input = NewPatient($"Twin{i}", last, "2001-02-03") })));

        var mrns = results.Select(r => (string?)r["data"]?["registerPatient"]?["patient"]?["mrn"]).ToList();
        Assert.All(results, r => Assert.Null(r["errors"]));
        Assert.Equal(
            Enumerable.Range(highest + 1, 20).Select(Hospital.Data.Domain.EntityValidator.FormatMrn).Order(StringComparer.Ordinal),
            mrns.Order(StringComparer.Ordinal));
        Assert.Equal(20, await CountAsync(last));
    }

    [Fact]
    public async Task RegisterPatient_BadInput_ReturnsValidationErrorNamingEachField()
    {
        var last = Unique("Invalid");

        var result = await RegisterAsync("reception", NewPatient(" ", last, "2999-01-01") with
        {
            phone = "call me",
            email = "not-an-email",
            emergencyContact = new { name = "Kim", relationship = "friend", phone = "x" },
        });

        Assert.Null(result["patient"]);
        var error = result["errors"]![0]!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Equal("VALIDATION", (string?)error["code"]);
        Assert.Equal(
            ["dateOfBirth", "email", "emergencyContact.phone", "firstName", "phone"],
            error["fields"]!.AsArray().Select(f => (string)f!["field"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0, await CountAsync(last));
    }

    [Fact]
    public async Task UpdatePatient_WithTheLoadedVersion_SavesAndMovesTheVersion()
    {
        var patient = (await RegisterAsync("reception", NewPatient("Lena", Unique("Moved"), "1966-06-06")))["patient"]!;

        var result = (await Api.PostAsAsync("admin", Update, new
        {
            input = Edit(patient, firstName: "Léna", address: new { line1 = "5 Rue Neuve", city = "Lyon", postalCode = "69001", country = "FR" }),
        }))["data"]!["updatePatient"]!;

        Assert.Null(result["errors"]);
        Assert.Equal("Léna", (string?)result["patient"]!["firstName"]);
        Assert.Equal("Lyon", (string?)result["patient"]!["address"]!["city"]);
        Assert.Equal(1, (int)result["patient"]!["version"]!);

        // An address-only edit is a change of the patient too: its version moves.
        var addressOnly = (await Api.PostAsAsync("admin", Update, new
        {
            input = Edit(result["patient"]!, firstName: "Léna", address: new { line1 = "7 Rue Neuve", city = "Lyon", postalCode = "69001", country = "FR" }),
        }))["data"]!["updatePatient"]!;
        Assert.Equal(2, (int)addressOnly["patient"]!["version"]!);
    }

    [Fact]
    public async Task UpdatePatient_StaleForm_ReturnsConcurrencyErrorWithWhatChangedAndTheCurrentVersion()
    {
        var patient = (await RegisterAsync("reception", NewPatient("Omar", Unique("Stale"), "1950-01-01")))["patient"]!;
        var first = await Api.PostAsAsync("reception", Update, new { input = Edit(patient, firstName: "Omar", phone: "+1 555 000 1111") });
        Assert.Null(first["data"]!["updatePatient"]!["errors"]);

        // A second form, loaded at version 0, changes the first name only.
        var result = (await Api.PostAsAsync("admin", Update, new { input = Edit(patient, firstName: "Omari") }))["data"]!["updatePatient"]!;

        Assert.Null(result["patient"]);
        var error = result["errors"]![0]!;
        Assert.Equal("ConcurrencyError", (string?)error["__typename"]);
        Assert.Equal("CONCURRENT_CHANGE", (string?)error["code"]);
        Assert.Equal(1, (int)error["currentVersion"]!);
        Assert.Equal(["firstName", "phone"], error["changedFields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("Omar", (await FindAsync((string)patient["mrn"]!)).FirstName);
    }

    [Fact]
    public async Task UpdatePatient_UnknownPatient_ReturnsNotFoundError()
    {
        var result = (await Api.PostAsAsync("reception", Update, new
        {
            input = new { patientId = Convert.ToBase64String("Patient:999999"u8), version = 0, firstName = "A", lastName = "B", dateOfBirth = "1990-01-01", sex = "MALE" },
        }))["data"]!["updatePatient"]!;

        Assert.Equal("NotFoundError", (string?)result["errors"]![0]!["__typename"]);
    }

    [Fact]
    public async Task UpdatePatient_Deceased_RecordsTheDateAndRefusesOneBeforeBirth()
    {
        var patient = (await RegisterAsync("reception", NewPatient("Ada", Unique("Deceased"), "1930-01-01")))["patient"]!;

        var early = (await Api.PostAsAsync("reception", Update, new { input = Edit(patient, firstName: "Ada", isDeceased: true, dateOfDeath: "1920-01-01") }))["data"]!["updatePatient"]!;
        var ok = (await Api.PostAsAsync("reception", Update, new { input = Edit(patient, firstName: "Ada", isDeceased: true, dateOfDeath: "2026-10-01") }))["data"]!["updatePatient"]!;

        Assert.Equal("dateOfDeath", (string?)early["errors"]![0]!["fields"]![0]!["field"]);
        Assert.True((bool)ok["patient"]!["isDeceased"]!);
        Assert.Equal("2026-10-01", (string?)ok["patient"]!["dateOfDeath"]);
    }

    [Fact]
    public async Task DeactivateAndReactivatePatient_KeepTheRecordAndRefuseARepeat()
    {
        var patient = (await RegisterAsync("reception", NewPatient("Ivo", Unique("Inactive"), "1999-09-09")))["patient"]!;
        const string Deactivate = "mutation($id: ID!) { deactivatePatient(input: { patientId: $id }) { patient { isActive version } errors { __typename ... on InvalidTransitionError { from to } } } }";
        const string Reactivate = "mutation($id: ID!) { reactivatePatient(input: { patientId: $id }) { patient { isActive } errors { __typename } } }";
        var id = (string)patient["id"]!;

        var first = (await Api.PostAsAsync("reception", Deactivate, new { id }))["data"]!["deactivatePatient"]!;
        var again = (await Api.PostAsAsync("reception", Deactivate, new { id }))["data"]!["deactivatePatient"]!;
        var back = (await Api.PostAsAsync("admin", Reactivate, new { id }))["data"]!["reactivatePatient"]!;

        Assert.False((bool)first["patient"]!["isActive"]!);
        Assert.Equal(1, (int)first["patient"]!["version"]!);
        Assert.Equal("InvalidTransitionError", (string?)again["errors"]![0]!["__typename"]);
        Assert.Equal("INACTIVE", (string?)again["errors"]![0]!["from"]);
        Assert.True((bool)back["patient"]!["isActive"]!);
    }

    [Fact]
    public async Task PossiblePatientDuplicates_FindsSameNameAndBirthOrSamePhoneOrEmail()
    {
        var last = Unique("Dupont");
        var byName = (await RegisterAsync("reception", NewPatient("Émile", last, "1975-07-14")))["patient"]!;
        var byPhone = (await RegisterAsync("reception", NewPatient("Other", Unique("Phone"), "1980-01-01") with { phone = "+33 1 23 45 67 89" }))["patient"]!;
        var byEmail = (await RegisterAsync("reception", NewPatient("Third", Unique("Mail"), "1981-01-01") with { email = $"{last}@example.org" }))["patient"]!;
        const string Query = "query($f: String!, $l: String!, $d: Date!, $p: String, $e: String) { possiblePatientDuplicates(firstName: $f, lastName: $l, dateOfBirth: $d, phone: $p, email: $e) { mrn } }";

        async Task<string[]> Found(object variables) =>
            [.. (await Api.PostAsAsync("reception", Query, variables))["data"]!["possiblePatientDuplicates"]!.AsArray().Select(p => (string)p!["mrn"]!)];

        Assert.Equal([(string)byName["mrn"]!], await Found(new { f = "emile", l = last.ToUpperInvariant(), d = "1975-07-14" }));
        Assert.Empty(await Found(new { f = "Émile", l = last, d = "1975-07-15" }));
        Assert.Equal([(string)byPhone["mrn"]!], await Found(new { f = "Nobody", l = "Else", d = "1900-01-01", p = "+33 (1) 23-45-67-89" }));
        Assert.Equal([(string)byEmail["mrn"]!], await Found(new { f = "Nobody", l = "Else", d = "1900-01-01", e = $"{last.ToUpperInvariant()}@EXAMPLE.org" }));
    }

    [Fact]
    public async Task PatientsSearch_FindsByNamePrefixInEitherOrderMrnAndPhoneDigits()
    {
        var last = Unique("Søren-Ægir");
        var patient = (await RegisterAsync("reception", NewPatient("José", last, "1988-08-08") with { phone = "+1 (555) 987 6543" }))["patient"]!;
        var mrn = (string)patient["mrn"]!;
        const string Query = "query($s: String) { patients(search: $s, first: 50) { totalCount nodes { mrn } } }";

        async Task<string[]> Found(string search) =>
            [.. (await Api.PostAsAsync("reception", Query, new { s = search }))["data"]!["patients"]!["nodes"]!.AsArray().Select(p => (string)p!["mrn"]!)];

        var normalised = SearchText.Normalize(last);
        Assert.Contains(mrn, await Found(normalised[..8].ToUpperInvariant()));
        Assert.Contains(mrn, await Found($"{last} jo"));
        Assert.Contains(mrn, await Found($"jose {normalised[..5]}"));
        Assert.Contains(mrn, await Found(mrn));
        Assert.Contains(mrn, await Found(mrn[4..]));
        Assert.Contains(mrn, await Found("1 555 987 65"));
        Assert.DoesNotContain(mrn, await Found($"jose {normalised[..5]}x"));
        Assert.Equal([mrn], await Found($"{last} jose"));
    }

    [Fact]
    public async Task PatientsSearch_SeeksTheSearchIndexes()
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var plans = new List<string>();
        foreach (var column in new[] { "search_name", "search_name_reversed", "search_phone" })
        {
            plans.Add(string.Join(" | ", await ExplainAsync(db, $"SELECT id, last_name FROM patients WHERE {column} >= 'smi' AND {column} < 'smj'")));
        }

        // A table of 60 patients might be scanned anyway on PostgreSQL: it is told to prefer the index where it has one.
        Assert.All(plans, plan => Assert.Matches("ix_patients_search_name|ix_patients_search_phone", plan));
        Assert.All(plans, plan => Assert.DoesNotMatch(@"Seq Scan|SCAN patients(?! USING)| ALL ", plan));
    }

    private static async Task<List<string>> ExplainAsync(HospitalDbContext db, string sql)
    {
        var explain = db.Database.IsSqlite() ? "EXPLAIN QUERY PLAN " + sql : db.Database.IsNpgsql() ? "EXPLAIN " + sql : "EXPLAIN FORMAT=TRADITIONAL " + sql;
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsNpgsql())
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = explain;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return lines;
    }

    private static string Unique(string last) => $"{last}{Guid.NewGuid().ToString("N")[..8]}";

    private static PatientForm NewPatient(string first, string last, string born) => new(first, last, born, "FEMALE");

    private static object Edit(JsonNode patient, string firstName, string? phone = null, object? address = null, bool isDeceased = false, string? dateOfDeath = null) => new
    {
        patientId = (string)patient["id"]!,
        version = (int)patient["version"]!,
        firstName,
        lastName = (string)patient["lastName"]!,
        dateOfBirth = (string)patient["dateOfBirth"]!,
        sex = (string)patient["sex"]!,
        phone,
        address,
        isDeceased,
        dateOfDeath,
    };

    private async Task<JsonNode> RegisterAsync(string user, PatientForm form)
    {
        var result = await Api.PostAsAsync(user, Register, new { input = form });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["registerPatient"]!;
    }

    private async Task<int> HighestMrnAsync()
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var mrn = await db.Patients.MaxAsync(p => p.Mrn, TestContext.Current.CancellationToken);
        return int.Parse(mrn[4..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync(string lastName)
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Patients.CountAsync(p => p.LastName == lastName, TestContext.Current.CancellationToken);
    }

    private async Task<Patient> FindAsync(string mrn)
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Patients.AsNoTracking().SingleAsync(p => p.Mrn == mrn, TestContext.Current.CancellationToken);
    }

    // The registration form as GraphQL input (camelCase names, as the API takes them).
#pragma warning disable IDE1006
    private sealed record PatientForm(string firstName, string lastName, string dateOfBirth, string sex)
    {
        public string? phone { get; init; }
        public string? email { get; init; }
        public object? address { get; init; }
        public object? emergencyContact { get; init; }
        public object? insurance { get; init; }
    }
#pragma warning restore IDE1006
}

public sealed class SqlitePatientRegistrationTests(HospitalApi api) : PatientRegistrationTests(api);

public sealed class PostgresPatientRegistrationTests(PostgresHospitalApi api) : PatientRegistrationTests(api);

public sealed class MariaDbPatientRegistrationTests(MariaDbHospitalApi api) : PatientRegistrationTests(api);
