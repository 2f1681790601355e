using System.Text.Json.Nodes;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>
/// The audit log against the running API on each provider: reads of patient data, writes and sign-in events are
/// written down (who, which patients, which fields, from where), the table refuses UPDATE and DELETE, and only
/// Admins read it.
/// </summary>
public abstract class AuditLogTests(HospitalApi api)
{
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
    public async Task ReadingPatients_WritesOneEntryPerPatient_WithTheFieldPaths_InOneInsert()
    {
        var operation = "AuditRead" + Guid.NewGuid().ToString("N")[..8];
        Api.Sql.Reset();

        var result = await Api.PostAsAsync("doctor", $"query {operation} {{ patients(first: 3, order: [{{ mrn: ASC }}]) {{ nodes {{ id firstName appointments {{ status }} }} }} }}");

        Assert.True(result["errors"] is null, result.ToJsonString());
        var expected = result["data"]!["patients"]!["nodes"]!.AsArray().Select(p => int.Parse(NodeIds.Decode((string)p!["id"]!).Key, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(3, expected.Count);
        Assert.Single(Api.Sql.AuditInserts);
        var entries = await EntriesAsync(a => a.OperationName == operation);
        Assert.Equal(expected, entries.Select(e => e.PatientId!.Value).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditAction.Read, e.Action);
            Assert.Equal("doctor", e.UserName);
            Assert.Equal(Roles.Doctor, e.Role);
            Assert.NotNull(e.UserId);
            Assert.NotNull(e.StaffMemberId);
            Assert.Equal("HTTP", e.Transport);
            Assert.NotNull(e.RemoteAddress);
            Assert.Equal(e.PatientId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityKey);
            Assert.Equal(["patients.nodes.appointments", "patients.nodes.appointments.status", "patients.nodes.firstName", "patients.nodes.id"], e.Fields!.Split(',').Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task ConcurrentReads_AreEachLoggedInFull_BeforeTheirAnswers()
    {
        // Twenty requests at once share commits (group commit); every one of them is logged by the time it is answered.
        var operations = Enumerable.Range(0, 20).Select(i => $"AuditBatch{i}x" + Guid.NewGuid().ToString("N")[..8]).ToList();

        var results = await Task.WhenAll(operations.Select(operation => Task.Run(async () =>
        {
            var result = await Api.PostAsAsync("nurse", $"query {operation} {{ patients(first: 2, order: [{{ mrn: DESC }}]) {{ nodes {{ id lastName }} }} }}");
            var logged = await EntriesAsync(a => a.OperationName == operation);
            return (result, logged);
        })));

        Assert.All(results, r =>
        {
            Assert.True(r.result["errors"] is null, r.result.ToJsonString());
            Assert.Equal(2, r.logged.Count);
            Assert.All(r.logged, e => Assert.Equal("nurse", e.UserName));
        });
    }

    [Fact]
    public async Task ReadingOnePatientThroughNode_NamesThatPatient_AndNoValues()
    {
        var patientId = await FirstAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id));
        var operation = "AuditNode" + Guid.NewGuid().ToString("N")[..8];

        await Api.PostAsAsync("nurse", $"query {operation}($id: ID!) {{ node(id: $id) {{ ... on Patient {{ lastName }} }} }}", new { id = NodeIds.Encode("Patient", patientId) });

        var entry = Assert.Single(await EntriesAsync(a => a.OperationName == operation));
        Assert.Equal(patientId, entry.PatientId);
        Assert.Equal("node.lastName", entry.Fields);
        Assert.Equal("nurse", entry.UserName);
    }

    [Fact]
    public async Task QueryWithoutPatientData_WritesNothing()
    {
        var operation = "AuditNone" + Guid.NewGuid().ToString("N")[..8];
        Api.Sql.Reset();

        await Api.PostAsAsync("doctor", $"query {operation} {{ me {{ userName }} }}");

        Assert.Empty(Api.Sql.AuditInserts);
        Assert.Empty(await EntriesAsync(a => a.OperationName == operation));
    }

    [Fact]
    public async Task AWrite_WritesTheEntityItsIdAndTheChangedFields_ByTheActingUser()
    {
        var appointment = await FirstAsync(db => db.Appointments.Where(a => a.Status == AppointmentStatus.Scheduled && a.StartsAt > DateTime.UtcNow).OrderByDescending(a => a.Id).Select(a => new { a.Id, a.PatientId }));
        var operation = "AuditWrite" + Guid.NewGuid().ToString("N")[..8];

        var result = await Api.PostAsAsync("reception", $"mutation {operation}($id: ID!) {{ checkInAppointment(input: {{ appointmentId: $id }}) {{ appointment {{ status }} errors {{ __typename }} }} }}", new { id = NodeIds.Encode("Appointment", appointment.Id) });

        Assert.Null(result["data"]!["checkInAppointment"]!["errors"]);
        var write = Assert.Single(await EntriesAsync(a => a.OperationName == operation && a.Action == AuditAction.Update));
        Assert.Equal(nameof(Appointment), write.EntityType);
        Assert.Equal(appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), write.EntityKey);
        Assert.Equal(appointment.PatientId, write.PatientId);
        Assert.Contains("Status", write.Fields!.Split(','));
        Assert.Equal("reception", write.UserName);
        Assert.Equal(Roles.Receptionist, write.Role);
    }

    [Fact]
    public async Task AWriteRolledBack_TakesItsEntryWithIt()
    {
        var factory = Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var patient = await db.Patients.OrderBy(p => p.Id).FirstAsync(Ct);
        var before = await db.AuditEntries.CountAsync(a => a.PatientId == patient.Id && a.Action == AuditAction.Update, Ct);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            patient.Phone = "+1 555 0100";
            await db.SaveChangesAsync(Ct);
            Assert.Equal(before + 1, await db.AuditEntries.CountAsync(a => a.PatientId == patient.Id && a.Action == AuditAction.Update, Ct));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(before, await db.AuditEntries.CountAsync(a => a.PatientId == patient.Id && a.Action == AuditAction.Update, Ct));
    }

    [Fact]
    public async Task SignInFailureAndSuccess_AreLogged()
    {
        // Other tests sign in as the nurse at the same time: only entries after this point, and the success after the failure.
        long before;
        await using (var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct))
        {
            before = await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
        }

        const string SignIn = "mutation($u: String!, $p: String!) { signIn(input: { userName: $u, password: $p }) { accessToken errors { __typename } } }";

        await Api.PostAsync(SignIn, new { u = "nurse", p = "not the password 1" });
        await Api.PostAsync(SignIn, new { u = "nurse", p = HospitalApi.DemoPassword });

        var events = await EntriesAsync(a => a.UserName == "nurse" && a.Id > before && (a.Action == AuditAction.SignIn || a.Action == AuditAction.SignInFailed));
        var failed = Assert.Single(events, e => e.Action == AuditAction.SignInFailed);
        Assert.Equal("invalid-credentials", failed.Fields);
        Assert.NotNull(failed.UserId);
        Assert.Equal("HTTP", failed.Transport);
        var succeeded = events.First(e => e.Action == AuditAction.SignIn && e.Id > failed.Id);
        Assert.Equal(Roles.Nurse, succeeded.Role);
    }

    [Fact]
    public async Task TheDatabase_RefusesUpdateAndDeleteOnTheAuditTable()
    {
        await Api.PostAsAsync("doctor", "{ patients(first: 1) { nodes { lastName } } }");
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var count = await db.AuditEntries.CountAsync(Ct);

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET user_name = 'someone else'", Ct));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", Ct));

        Assert.Contains("append_only", update?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("append_only", delete?.Message ?? "", StringComparison.Ordinal);
        Assert.Equal(count, await db.AuditEntries.CountAsync(Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.UserName == "someone else", Ct));
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("doctor", false)]
    [InlineData("nurse", false)]
    [InlineData("reception", false)]
    [InlineData("analyst", false)]
    public async Task AuditEntries_OnlyAdminsRead(string user, bool allowed)
    {
        await Api.PostAsAsync("doctor", "{ patients(first: 1) { nodes { lastName } } }");

        var result = await Api.PostAsAsync(user, "{ auditEntries(first: 5, action: READ) { nodes { userName action patientId fields } } }");

        if (allowed)
        {
            Assert.Null(result["errors"]);
            Assert.NotEmpty(result["data"]!["auditEntries"]!["nodes"]!.AsArray());
        }
        else
        {
            Assert.True(result["data"]?["auditEntries"] is null, result.ToJsonString());
            Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task AuditEntries_FilterByPatientUserActionAndRange_AndPageWithCursors()
    {
        // A reader of its own (a nurse's account made for this test), so other tests' reads do not count.
        var patientId = await FirstAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id));
        var nurse = await FirstAsync(db => db.Nurses.OrderByDescending(n => n.Id).Select(n => n.Id));
        var token = await Api.AccessTokenForStaffAsync(nurse, Roles.Nurse);
        var since = DateTime.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++)
        {
            await Api.PostWithTokenAsync(token, "query($id: ID!) { node(id: $id) { ... on Patient { mrn } } }", new { id = NodeIds.Encode("Patient", patientId) });
        }

        var (userId, userName) = await FirstAsync(db => db.Users.Where(u => u.StaffMemberId == nurse).Select(u => new ValueTuple<int, string>(u.Id, u.UserName!)));
        const string Query = """
            query($p: ID, $u: Int, $from: DateTime, $after: String) {
              auditEntries(patientId: $p, userId: $u, action: READ, from: $from, first: 2, after: $after) {
                nodes { patientId userName action occurredAt } pageInfo { hasNextPage endCursor } totalCount
              }
            }
            """;
        var variables = new Dictionary<string, object?> { ["p"] = NodeIds.Encode("Patient", patientId), ["u"] = userId, ["from"] = since.ToString("O"), ["after"] = null };

        var first = (await Api.PostAsAsync("admin", Query, variables))["data"]!["auditEntries"]!;
        variables["after"] = (string?)first["pageInfo"]!["endCursor"];
        var second = (await Api.PostAsAsync("admin", Query, variables))["data"]!["auditEntries"]!;

        Assert.Equal(3, (int)first["totalCount"]!);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var nodes = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).ToList();
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, n =>
        {
            Assert.Equal(patientId, (int?)n!["patientId"]);
            Assert.Equal(userName, (string?)n["userName"]);
        });
        Assert.False((bool)second["pageInfo"]!["hasNextPage"]!);
    }

    private async Task<List<AuditEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(where).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<T> FirstAsync<T>(Func<HospitalDbContext, IQueryable<T>> query)
    {
        await using var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        return await query(db).FirstAsync(Ct);
    }
}

public sealed class SqliteAuditLogTests(HospitalApi api) : AuditLogTests(api);

public sealed class PostgresAuditLogTests(PostgresHospitalApi api) : AuditLogTests(api);

public sealed class MariaDbAuditLogTests(MariaDbHospitalApi api) : AuditLogTests(api);
