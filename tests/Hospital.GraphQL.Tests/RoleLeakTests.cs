using System.Text.Json;
using System.Text.Json.Nodes;
using Gql.Server.Relay;
using Hospital.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>
/// Data a role may not read stays hidden whatever the path to it: nested under data it may read, through node and
/// nodes, through fragments on interfaces, and in subscription events.
/// </summary>
public sealed class RoleLeakTests(HospitalApi api)
{
    private const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    private const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppointmentPatientEncounters_AsReception_AreRefusedAtTheirPath()
    {
        var (appointment, _, _, _, _) = await IdsAsync();

        var reception = await api.PostAsAsync("reception", "query ($id: ID!) { appointment(id: $id) { status patient { mrn encounters { chiefComplaint } } } }", new { id = appointment });
        var withoutEncounters = await api.PostAsAsync("reception", "query ($id: ID!) { appointment(id: $id) { status patient { mrn } } }", new { id = appointment });
        var doctor = await api.PostAsAsync("doctor", "query ($id: ID!) { appointment(id: $id) { status patient { mrn encounters { chiefComplaint } } } }", new { id = appointment });

        // The encounters are a non-null list: refusing them nulls the nearest nullable parent, as GraphQL requires.
        AssertOnlyDenial(reception, NotAuthorized, "appointment", "patient", "encounters");
        Assert.Null(reception["data"]!["appointment"]);
        Assert.Null(withoutEncounters["errors"]);
        Assert.NotNull(withoutEncounters["data"]!["appointment"]!["patient"]!["mrn"]);
        Assert.Null(doctor["errors"]);
        Assert.NotEmpty(doctor["data"]!["appointment"]!["patient"]!["encounters"]!.AsArray());
    }

    [Fact]
    public async Task BedCurrentPatient_ShowsIdentityToReception_ButNotClinicalData()
    {
        var (_, _, _, _, bed) = await IdsAsync();
        const string Query = "query ($id: ID!) { bed(id: $id) { label currentPatient { mrn allergies { substance } } currentAdmission { reason dischargeSummary } } }";

        var identity = await api.PostAsAsync("reception", "query ($id: ID!) { bed(id: $id) { label currentPatient { mrn } currentAdmission { reason } } }", new { id = bed });
        var reception = await api.PostAsAsync("reception", Query, new { id = bed });
        var nurse = await api.PostAsAsync("nurse", Query, new { id = bed });

        Assert.Null(identity["errors"]);
        Assert.NotNull(identity["data"]!["bed"]!["currentPatient"]!["mrn"]);
        var errors = reception["errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(NotAuthorized, (string?)e!["extensions"]!["code"]));
        Assert.Contains(errors, e => PathOf(e!) == "bed.currentPatient.allergies");
        Assert.Contains(errors, e => PathOf(e!) == "bed.currentAdmission.dischargeSummary");
        Assert.NotNull(reception["data"]!["bed"]!["label"]);
        Assert.Null(reception["data"]!["bed"]!["currentPatient"]);
        Assert.Null(reception["data"]!["bed"]!["currentAdmission"]!["dischargeSummary"]);
        Assert.NotNull(reception["data"]!["bed"]!["currentAdmission"]!["reason"]);
        Assert.Null(nurse["errors"]);
        Assert.NotNull(nurse["data"]!["bed"]!["currentPatient"]!["allergies"]);
    }

    [Fact]
    public async Task NodeAndNodes_ResolveOnlyTheTypesTheRoleMayRead()
    {
        var (_, encounter, patient, invoice, _) = await IdsAsync();
        const string Nodes = "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Encounter { chiefComplaint } ... on Patient { mrn } ... on Invoice { number } } }";
        var ids = new[] { encounter, patient, invoice };

        var reception = await api.PostAsAsync("reception", Nodes, new { ids });
        var doctor = await api.PostAsAsync("doctor", Nodes, new { ids });
        var analyst = await api.PostAsAsync("analyst", "query ($id: ID!) { node(id: $id) { __typename } }", new { id = patient });
        var anonymous = await api.PostWithTokenAsync(null, "query ($id: ID!) { node(id: $id) { __typename } }", new { id = encounter });

        AssertOnlyDenial(reception, NotAuthorized, "nodes", "0");
        Assert.Equal([null, "Patient", "Invoice"], reception["data"]!["nodes"]!.AsArray().Select(n => (string?)n?["__typename"]));
        AssertOnlyDenial(doctor, NotAuthorized, "nodes", "2");
        Assert.Equal(["Encounter", "Patient", null], doctor["data"]!["nodes"]!.AsArray().Select(n => (string?)n?["__typename"]));
        AssertOnlyDenial(analyst, NotAuthorized, "node");
        Assert.Null(analyst["data"]!["node"]);
        AssertOnlyDenial(anonymous, NotAuthenticated, "node");
        Assert.Null(anonymous["data"]!["node"]);
    }

    [Fact]
    public async Task FragmentsOnInterfaces_DoNotOpenWhatTheTypeHides()
    {
        var (_, encounter, patient, _, _) = await IdsAsync();
        const string ThroughNode = """
            query ($id: ID!) { node(id: $id) { ...Everything } }
            fragment Everything on Node { id ... on Encounter { chiefComplaint vitals { recordedBy { ... on StaffMember { fullName } } } } }
            """;
        var doctorWithAppointments = await api.PostAsAsync("admin", "{ doctors(first: 20) { nodes { id appointments { id } } } }");
        var doctorId = doctorWithAppointments["data"]!["doctors"]!["nodes"]!.AsArray().First(d => d!["appointments"]!.AsArray().Count > 0)!["id"]!.GetValue<string>();
        const string ThroughStaff = """
            query ($id: ID!) { staffMember(id: $id) { ... on StaffMember { fullName } ... on Doctor { appointments { patient { ... on Node { id } ... on Patient { allergies { substance } } } } } } }
            """;

        var reception = await api.PostAsAsync("reception", ThroughNode, new { id = encounter });
        var analyst = await api.PostAsAsync("analyst", "query ($id: ID!) { node(id: $id) { ... on Node { id } } }", new { id = patient });
        var staff = await api.PostAsAsync("reception", ThroughStaff, new { id = doctorId });

        AssertOnlyDenial(reception, NotAuthorized, "node");
        Assert.Null(reception["data"]!["node"]);
        AssertOnlyDenial(analyst, NotAuthorized, "node");
        Assert.Null(analyst["data"]!["node"]);
        Assert.NotEmpty(staff["errors"]!.AsArray());
        Assert.All(staff["errors"]!.AsArray(), e =>
        {
            Assert.Equal(NotAuthorized, (string?)e!["extensions"]!["code"]);
            Assert.Equal("staffMember.appointments.patient.allergies", PathOf(e));
        });
        Assert.DoesNotContain("substance", staff["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionEvents_HideNestedClinicalDataFromReception()
    {
        var (appointment, _, _, _, bed) = await IdsAsync();
        await using var socket = await GraphQLSocket.ConnectAsync(api, await api.AccessTokenAsync("reception"));
        var events = api.Services.GetRequiredService<Gql.Server.Subscriptions.InMemoryTopicEvents>();

        var appointments = events.SubscriberCount("AppointmentChanged");
        var appointmentChanged = await socket.SubscribeAsync("subscription { appointmentChanged { id patient { mrn encounters { chiefComplaint } } } }");
        await WaitAsync(() => events.SubscriberCount("AppointmentChanged") > appointments);
        await PublishFromOutboxAsync("AppointmentChanged", NodeIds.DecodeKey(appointment, "Appointment", typeof(int)));
        var appointmentEvent = await socket.NextAsync(appointmentChanged);

        var beds = events.SubscriberCount("BedChanged");
        var bedChanged = await socket.SubscribeAsync("subscription { bedChanged { id label currentPatient { mrn allergies { substance } } } }");
        await WaitAsync(() => events.SubscriberCount("BedChanged") > beds);
        await PublishFromOutboxAsync("BedChanged", NodeIds.DecodeKey(bed, "Bed", typeof(int)));
        var bedEvent = await socket.NextAsync(bedChanged);

        AssertOnlyDenial(appointmentEvent!, NotAuthorized, "appointmentChanged", "patient", "encounters");
        Assert.DoesNotContain("chiefComplaint", appointmentEvent!.ToJsonString(), StringComparison.Ordinal);
        AssertOnlyDenial(bedEvent!, NotAuthorized, "bedChanged", "currentPatient", "allergies");
        Assert.Equal(bed, (string?)bedEvent!["data"]!["bedChanged"]!["id"]);
        Assert.Null(bedEvent["data"]!["bedChanged"]!["currentPatient"]);
    }

    /// <summary>The only errors are <paramref name="code"/> at exactly this path (list indexes as numbers).</summary>
    private static void AssertOnlyDenial(JsonObject result, string code, params string[] path)
    {
        var error = Assert.Single(result["errors"]!.AsArray());
        Assert.Equal(code, (string?)error!["extensions"]!["code"]);
        Assert.Equal(string.Join(".", path), string.Join(".", error["path"]!.AsArray().Select(p => p!.ToString())));
    }

    /// <summary>An error's path without list indexes.</summary>
    private static string PathOf(JsonNode error) =>
        string.Join(".", error["path"]!.AsArray().Where(p => p!.GetValueKind() == JsonValueKind.String).Select(p => (string)p!));

    /// <summary>An appointment with an encounter, an encounter, a patient, an invoice and an occupied bed (global ids).</summary>
    private async Task<(string Appointment, string Encounter, string Patient, string Invoice, string Bed)> IdsAsync()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        var appointment = await db.Encounters.Where(e => e.AppointmentId != null).OrderBy(e => e.Id).Select(e => e.AppointmentId!.Value).FirstAsync(Ct);
        var encounter = await db.Encounters.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
        var patient = await db.Allergies.OrderBy(a => a.Id).Select(a => a.PatientId).FirstAsync(Ct);
        var invoice = await db.Invoices.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);

        // An occupied bed: its patient's allergies are refused by the field's rule, whether the list is empty or not.
        var bed = await db.Admissions.Where(a => a.DischargedAt == null).OrderBy(a => a.Id).Select(a => a.BedId).FirstAsync(Ct);
        return (NodeIds.Encode("Appointment", appointment), NodeIds.Encode("Encounter", encounter), NodeIds.Encode("Patient", patient), NodeIds.Encode("Invoice", invoice), NodeIds.Encode("Bed", bed));
    }

    private async Task PublishFromOutboxAsync(string topic, object entity)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox_messages (topic, entity_id, scope, occurred_at) VALUES ({0}, {1}, NULL, {2})",
            [topic, entity, DateTime.UtcNow],
            Ct);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription never started listening.");
            await Task.Delay(20, Ct);
        }
    }
}
