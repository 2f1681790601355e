using System.Text.Json.Nodes;
using Gql.Server.Execution;
using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>An API of its own (a separate database): these tests change data.</summary>
public sealed class LiveApi : HospitalApi;

/// <inheritdoc cref="LiveApi"/>
public sealed class PostgresLiveApi : PostgresHospitalApi;

/// <inheritdoc cref="LiveApi"/>
public sealed class MariaDbLiveApi : MariaDbHospitalApi;

/// <summary>Mutations with typed errors, and subscriptions fed by the outbox, on each provider.</summary>
public abstract partial class LiveApiTests(HospitalApi api)
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
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appointment_MovesAlongItsLifeCycle_StepByStep()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();
        var reception = await Api.AccessTokenAsync("reception");
        var doctor = await OwnDoctorTokenAsync(doctorId);

        foreach (var (mutation, status, token) in new[] { ("checkInAppointment", "CHECKED_IN", reception), ("startAppointment", "IN_PROGRESS", doctor), ("completeAppointment", "COMPLETED", doctor) })
        {
            var result = await Api.PostWithTokenAsync(token, $"mutation ($id: ID!) {{ {mutation}(input: {{ appointmentId: $id }}) {{ appointment {{ id status }} errors {{ __typename ... on Error {{ message }} }} }} }}", new { id });

            Assert.Null(result["errors"]);
            var payload = result["data"]![mutation]!;
            Assert.Null(payload["errors"]);
            Assert.Equal(id, (string?)payload["appointment"]!["id"]);
            Assert.Equal(status, (string?)payload["appointment"]!["status"]);
        }
    }

    [Fact]
    public async Task AStepOutOfOrder_IsATypedError_AndChangesNothing()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();

        var result = await Api.PostWithTokenAsync(await OwnDoctorTokenAsync(doctorId), "mutation ($id: ID!) { completeAppointment(input: { appointmentId: $id }) { appointment { id } errors { __typename ... on Error { message } ... on InvalidTransitionError { code from to } } } }", new { id });

        Assert.Null(result["errors"]);
        var payload = result["data"]!["completeAppointment"]!;
        Assert.Null(payload["appointment"]);
        var error = payload["errors"]![0]!;
        Assert.Equal("InvalidTransitionError", (string?)error["__typename"]);
        Assert.Equal("INVALID_TRANSITION", (string?)error["code"]);
        Assert.Equal(("Scheduled", "Completed"), ((string?)error["from"], (string?)error["to"]));
        Assert.Equal("SCHEDULED", await StatusAsync(id));
    }

    [Fact]
    public async Task CancellingWithoutAReason_IsAValidationError()
    {
        var (id, _) = await ScheduledAppointmentAsync();

        var result = await Api.PostAsAsync("reception", "mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: \"  \" }) { appointment { id } errors { __typename ... on Error { message } } } }", new { id });

        var error = result["data"]!["cancelAppointment"]!["errors"]![0]!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Contains("reason is required", (string?)error["message"]);
        Assert.Equal("SCHEDULED", await StatusAsync(id));
    }

    [Fact]
    public async Task AnOverLongReason_IsAValidationErrorNamingTheField_BeforeTheDatabaseSeesIt()
    {
        var (id, _) = await ScheduledAppointmentAsync();
        var reason = new string('r', 501);

        var result = await Api.PostAsAsync("reception", "mutation ($id: ID!, $r: String!) { cancelAppointment(input: { appointmentId: $id, reason: $r }) { appointment { id } errors { __typename ... on ValidationError { errors } } } }", new { id, r = reason });

        Assert.Null(result["errors"]);
        var error = result["data"]!["cancelAppointment"]!["errors"]![0]!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Contains("Appointment.CancellationReason: must be at most 500 characters (got 501)", error["errors"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("SCHEDULED", await StatusAsync(id));
    }

    [Fact]
    public async Task UnknownAndMalformedIds_AreReportedClearly()
    {
        var unknown = await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { appointment { id } errors { __typename ... on Error { message } } } }", new { id = NodeIds.Encode("Appointment", 987654) });
        var malformed = await Api.PostAsAsync("reception", "mutation { checkInAppointment(input: { appointmentId: \"not-an-id\" }) { appointment { id } } }");
        var wrongType = await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { appointment { id } } }", new { id = NodeIds.Encode("Patient", 1) });

        Assert.Equal("NotFoundError", (string?)unknown["data"]!["checkInAppointment"]!["errors"]![0]!["__typename"]);
        Assert.Equal("INVALID_ID", (string?)malformed["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("INVALID_ID", (string?)wrongType["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("not the id of a Appointment", (string?)wrongType["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task OccupiedBeds_ChangeOnlyThroughAdmissions()
    {
        var result = await Api.PostAsAsync("nurse", "{ beds(take: 500) { items { id label status } } }");
        var occupied = result["data"]!["beds"]!["items"]!.AsArray().First(b => (string?)b!["status"] == "OCCUPIED")!;

        var change = await Api.PostAsAsync("nurse", "mutation ($id: ID!) { setBedStatus(input: { bedId: $id, status: CLEANING }) { bed { id } errors { __typename ... on Error { message } } } }", new { id = (string?)occupied["id"] });

        Assert.Equal("InvalidTransitionError", (string?)change["data"]!["setBedStatus"]!["errors"]![0]!["__typename"]);
        Assert.Contains("occupancy follows admissions", (string?)change["data"]!["setBedStatus"]!["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task AppointmentChanged_DeliversTheChange_ToTheDoctorsSubscribers()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();
        await using var subscription = await SubscribeAsync(
            "doctor",
            "subscription ($doctor: ID) { appointmentChanged(doctorId: $doctor) { id status doctor { id } patient { fullName } } }",
            new Dictionary<string, object?> { ["doctor"] = doctorId },
            $"AppointmentChanged:doctor:{NodeIds.DecodeKey(doctorId, "Doctor", typeof(int))}");

        await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { errors { __typename } } }", new { id });
        var change = await subscription.NextAsync();

        Assert.Equal(id, (string?)change["appointmentChanged"]!["id"]);
        Assert.Equal("CHECKED_IN", (string?)change["appointmentChanged"]!["status"]);
        Assert.Equal(doctorId, (string?)change["appointmentChanged"]!["doctor"]!["id"]);
        Assert.False(string.IsNullOrEmpty((string?)change["appointmentChanged"]!["patient"]!["fullName"]));
    }

    [Fact]
    public async Task BookingAndRescheduling_AreNews_ForTheDoctorsSubscribers()
    {
        var (_, doctorId) = await ScheduledAppointmentAsync();
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var free = await Api.PostAsAsync("reception", "query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } }", new { d = doctorId, from = tomorrow, to = tomorrow.AddDays(14) });
        var slots = free["data"]!["availableSlots"]!.AsArray();
        var patient = (string)(await Api.PostAsAsync("reception", "{ patients(first: 1) { nodes { id } } }"))["data"]!["patients"]!["nodes"]![0]!["id"]!;
        await using var subscription = await SubscribeAsync(
            "doctor",
            "subscription ($doctor: ID) { appointmentChanged(doctorId: $doctor) { id status startsAt } }",
            new Dictionary<string, object?> { ["doctor"] = doctorId },
            $"AppointmentChanged:doctor:{NodeIds.DecodeKey(doctorId, "Doctor", typeof(int))}");

        var booked = await Api.PostAsAsync("reception", "mutation ($p: ID!, $d: ID!, $s: DateTime) { bookAppointment(input: { patientId: $p, doctorId: $d, startsAt: $s, reason: \"Check-up\" }) { appointment { id } errors { __typename } } }", new { p = patient, d = doctorId, s = (string?)slots[0]!["startsAt"] });
        var id = (string?)booked["data"]!["bookAppointment"]!["appointment"]!["id"];
        var first = await subscription.NextAsync();
        await Api.PostAsAsync("reception", "mutation ($id: ID!, $s: DateTime!) { rescheduleAppointment(input: { appointmentId: $id, startsAt: $s }) { errors { __typename } } }", new { id, s = (string?)slots[^1]!["startsAt"] });
        var second = await subscription.NextAsync();

        Assert.Equal((id, "SCHEDULED"), ((string?)first["appointmentChanged"]!["id"], (string?)first["appointmentChanged"]!["status"]));
        Assert.Equal(id, (string?)second["appointmentChanged"]!["id"]);
        Assert.Equal(DateTime.Parse((string)slots[^1]!["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), DateTime.Parse((string)second["appointmentChanged"]!["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
    }

    [Fact]
    public async Task AppointmentChanged_IsNarrowedToThePatient()
    {
        var (mine, _) = await ScheduledAppointmentAsync();
        var (other, _) = await ScheduledAppointmentAsync();
        var patient = (string?)(await Api.PostAsAsync("reception", "query ($id: ID!) { node(id: $id) { ... on Appointment { patient { id } } } }", new { id = mine }))["data"]!["node"]!["patient"]!["id"];
        var otherPatient = (string?)(await Api.PostAsAsync("reception", "query ($id: ID!) { node(id: $id) { ... on Appointment { patient { id } } } }", new { id = other }))["data"]!["node"]!["patient"]!["id"];
        Assert.NotEqual(patient, otherPatient);
        await using var subscription = await SubscribeAsync(
            "nurse",
            "subscription ($patient: ID) { appointmentChanged(patientId: $patient) { id patient { id } } }",
            new Dictionary<string, object?> { ["patient"] = patient },
            $"AppointmentChanged:patient:{NodeIds.DecodeKey(patient!, "Patient", typeof(int))}");

        await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { errors { __typename } } }", new { id = other });
        await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { errors { __typename } } }", new { id = mine });
        var change = await subscription.NextAsync();

        Assert.Equal((mine, patient), ((string?)change["appointmentChanged"]!["id"], (string?)change["appointmentChanged"]!["patient"]!["id"]));
    }

    [Fact]
    public async Task EverySubscriberOfAnEvent_SharesOneLoadOfItsEntity()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();
        var loader = Api.Services.GetRequiredService<ChangeLoader<Appointment>>();
        await using var everyone = await SubscribeAsync("admin", "subscription { appointmentChanged { id status } }", null, "AppointmentChanged");
        await using var doctors = await SubscribeAsync(
            "doctor",
            "subscription ($doctor: ID) { appointmentChanged(doctorId: $doctor) { id status } }",
            new Dictionary<string, object?> { ["doctor"] = doctorId },
            $"AppointmentChanged:doctor:{NodeIds.DecodeKey(doctorId, "Doctor", typeof(int))}");
        await using var again = await SubscribeAsync("reception", "subscription { appointmentChanged { status } }", null, "AppointmentChanged");
        var before = loader.QueryCount;

        await Api.PostAsAsync("reception", "mutation ($id: ID!) { checkInAppointment(input: { appointmentId: $id }) { errors { __typename } } }", new { id });
        var heard = new[] { await everyone.NextAsync(), await doctors.NextAsync(), await again.NextAsync() };

        Assert.All(heard, h => Assert.Equal("CHECKED_IN", (string?)h["appointmentChanged"]!["status"]));
        Assert.Equal(1, loader.QueryCount - before);
    }

    [Fact]
    public async Task BedChanged_IsNarrowedToTheWard_AndSeesEachChangeFresh()
    {
        var beds = (await Api.PostAsAsync("nurse", "{ beds(take: 500) { items { id status ward { id } } } }"))["data"]!["beds"]!["items"]!.AsArray();
        var free = beds.Where(b => (string?)b!["status"] == "AVAILABLE").ToList();
        var mine = free[0]!;
        var wardId = (string?)mine["ward"]!["id"];
        var elsewhere = free.First(b => (string?)b!["ward"]!["id"] != wardId)!;
        await using var subscription = await SubscribeAsync(
            "nurse",
            "subscription ($ward: ID) { bedChanged(wardId: $ward) { id status } }",
            new Dictionary<string, object?> { ["ward"] = wardId },
            "BedChanged");

        // Events carry the bed as it is when the event is delivered, so each change is awaited before the next.
        await SetBedAsync((string)elsewhere["id"]!, "CLEANING");
        await SetBedAsync((string)mine["id"]!, "CLEANING");
        var first = await subscription.NextAsync();
        await SetBedAsync((string)mine["id"]!, "AVAILABLE");
        var second = await subscription.NextAsync();
        Assert.Equal(((string?)mine["id"], "CLEANING"), ((string?)first["bedChanged"]!["id"], (string?)first["bedChanged"]!["status"]));
        Assert.Equal(((string?)mine["id"], "AVAILABLE"), ((string?)second["bedChanged"]!["id"], (string?)second["bedChanged"]!["status"]));
    }

    [Fact]
    public async Task ChangesWrittenByAnotherProcess_ArriveByPolling()
    {
        var (id, doctorId) = await ScheduledAppointmentAsync();
        var key = NodeIds.DecodeKey(id, "Appointment", typeof(int));
        await using var subscription = await SubscribeAsync(
            "admin",
            "subscription { appointmentChanged { id status } }",
            null,
            "AppointmentChanged");

        // Another process: a row in the outbox and nothing else (no in-process signal).
        await using (var db = await Api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO outbox_messages (topic, entity_id, scope, occurred_at) VALUES ('AppointmentChanged', {0}, NULL, {1})",
                [key, DateTime.UtcNow],
                Ct);
        }

        // Changes of earlier tests may still be on their way to every subscriber; this one must follow them.
        var change = await subscription.NextAsync();
        while ((string?)change["appointmentChanged"]!["id"] != id)
        {
            change = await subscription.NextAsync();
        }

        Assert.Equal(id, (string?)change["appointmentChanged"]!["id"]);
        Assert.NotNull(doctorId);
    }

    [Fact]
    public async Task AnOutsideClient_FollowsBedChanges_OverServerSentEvents()
    {
        var beds = (await Api.PostAsAsync("nurse", "{ beds(take: 500) { items { id status } } }"))["data"]!["beds"]!["items"]!.AsArray();
        var bed = (string)beds.Last(b => (string?)b!["status"] == "AVAILABLE")!["id"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "subscription { bedChanged { id status } }" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new("Bearer", await Api.AccessTokenAsync("nurse"));
        using var response = await Api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var next = ReadNextEventAsync(reader);

        // The stream is open once the headers are in; keep changing the bed until its event arrives.
        var status = "CLEANING";
        while (!next.IsCompleted)
        {
            await SetBedAsync(bed, status);
            status = status == "CLEANING" ? "AVAILABLE" : "CLEANING";
            await Task.WhenAny(next, Task.Delay(300, Ct));
        }

        var data = JsonNode.Parse(await next)!["data"]!["bedChanged"]!;
        Assert.Equal(bed, (string?)data["id"]);
        await SetBedAsync(bed, "AVAILABLE");
    }

    private static async Task<string> ReadNextEventAsync(StreamReader reader)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(Patience, Ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "next")
            {
                return line["data:".Length..].Trim();
            }
        }

        throw new InvalidOperationException("The event stream ended without a next event.");
    }

    [Fact]
    public async Task ALabOrder_GoesFromOrderToCriticalResult_AndSubscribersHearOfIt()
    {
        var people = await Api.PostAsAsync("doctor", "{ patients(first: 1) { nodes { id } } doctors(first: 1) { nodes { id } } }");
        Assert.Null(people["errors"]);
        var patientId = (string)people["data"]!["patients"]!["nodes"]![0]!["id"]!;
        var doctorId = (string)people["data"]!["doctors"]!["nodes"]![0]!["id"]!;
        await using var results = await SubscribeAsync(
            "nurse",
            "subscription ($patient: ID) { labResultAdded(patientId: $patient, abnormalOnly: true) { analyte value flag } }",
            new Dictionary<string, object?> { ["patient"] = patientId },
            "LabResultAdded");
        await using var alerts = await SubscribeAsync(
            "doctor",
            "subscription ($doctor: ID) { labResultAdded(orderedById: $doctor, criticalOnly: true) { analyte labOrder { id orderedBy { id } } } }",
            new Dictionary<string, object?> { ["doctor"] = doctorId },
            "LabResultAdded");

        var ordered = await Api.PostAsAsync(
            "doctor",
            "mutation ($patient: ID!, $doctor: ID!) { orderLabTest(input: { patientId: $patient, orderedById: $doctor, testCode: \"K\", testName: \"Potassium\", priority: STAT }) { labOrder { id status } errors { __typename ... on Error { message } } } }",
            new { patient = patientId, doctor = doctorId });
        var orderId = (string)ordered["data"]!["orderLabTest"]!["labOrder"]!["id"]!;
        var tooEarly = await Api.PostAsAsync("doctor", "mutation ($id: ID!) { recordLabResults(input: { labOrderId: $id, results: [{ analyte: \"Potassium\", value: \"9.0\" }] }) { errors { __typename } } }", new { id = orderId });
        await Api.PostAsAsync("nurse", "mutation ($id: ID!) { collectLabSpecimen(input: { labOrderId: $id }) { errors { __typename } } }", new { id = orderId });
        await Api.PostAsAsync("nurse", "mutation ($id: ID!) { startLabAnalysis(input: { labOrderId: $id }) { errors { __typename } } }", new { id = orderId });
        var empty = await Api.PostAsAsync("doctor", "mutation ($id: ID!) { recordLabResults(input: { labOrderId: $id, results: [] }) { errors { __typename } } }", new { id = orderId });
        var recorded = await Api.PostAsAsync(
            "doctor",
            "mutation ($id: ID!) { recordLabResults(input: { labOrderId: $id, results: [{ analyte: \"Potassium\", value: \"9.0\", numericValue: 9.0, unit: \"mmol/L\", referenceLow: 3.5, referenceHigh: 5.1 }] }) { labOrder { status results { analyte flag } } errors { __typename ... on Error { message } } } }",
            new { id = orderId });

        Assert.Equal("ORDERED", (string?)ordered["data"]!["orderLabTest"]!["labOrder"]!["status"]);
        Assert.Equal("InvalidTransitionError", (string?)tooEarly["data"]!["recordLabResults"]!["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)empty["data"]!["recordLabResults"]!["errors"]![0]!["__typename"]);
        Assert.Null(recorded["data"]!["recordLabResults"]!["errors"]);
        Assert.Equal("RESULTED", (string?)recorded["data"]!["recordLabResults"]!["labOrder"]!["status"]);
        Assert.Equal("CRITICAL", (string?)recorded["data"]!["recordLabResults"]!["labOrder"]!["results"]![0]!["flag"]);
        var heard = await results.NextAsync();
        Assert.Equal(("Potassium", "CRITICAL"), ((string?)heard["labResultAdded"]!["analyte"], (string?)heard["labResultAdded"]!["flag"]));
        var alert = (await alerts.NextAsync())["labResultAdded"]!;
        Assert.Equal((orderId, doctorId), ((string?)alert["labOrder"]!["id"], (string?)alert["labOrder"]!["orderedBy"]!["id"]));
    }

    [Fact]
    public async Task ALabNote_IsWrittenByTheSignedInClinician_AndItsPatientsSubscribersHearOfIt()
    {
        var people = await Api.PostAsAsync("doctor", "{ me { staffMember { id } } labOrders(first: 1) { nodes { id patient { id } } } }");
        Assert.Null(people["errors"]);
        var order = people["data"]!["labOrders"]!["nodes"]![0]!;
        var orderId = (string)order["id"]!;
        var patientId = (string)order["patient"]!["id"]!;
        await using var notes = await SubscribeAsync(
            "nurse",
            "subscription ($patient: ID) { labNoteAdded(patientId: $patient) { text author { id } labOrder { id } } }",
            new Dictionary<string, object?> { ["patient"] = patientId },
            "LabNoteAdded");
        const string Add = "mutation ($id: ID!, $text: String!) { addLabNote(input: { labOrderId: $id, text: $text }) { labNote { text writtenAt author { id } labOrder { id } } errors { __typename ... on Error { message } } } }";

        var written = await Api.PostAsAsync("doctor", Add, new { id = orderId, text = "  Haemolysed sample; please redraw.  " });
        var empty = await Api.PostAsAsync("doctor", Add, new { id = orderId, text = " " });
        var missing = await Api.PostAsAsync("nurse", Add, new { id = NodeIds.Encode("LabOrder", 987654), text = "Lost?" });
        var reception = await Api.PostAsAsync("reception", Add, new { id = orderId, text = "Not mine to write" });

        var note = written["data"]!["addLabNote"]!["labNote"]!;
        Assert.Equal("Haemolysed sample; please redraw.", (string?)note["text"]);
        Assert.Equal((string?)people["data"]!["me"]!["staffMember"]!["id"], (string?)note["author"]!["id"]);
        Assert.Equal(orderId, (string?)note["labOrder"]!["id"]);
        Assert.Equal("ValidationError", (string?)empty["data"]!["addLabNote"]!["errors"]![0]!["__typename"]);
        Assert.Equal("NotFoundError", (string?)missing["data"]!["addLabNote"]!["errors"]![0]!["__typename"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)reception["errors"]![0]!["extensions"]!["code"]);
        var heard = await notes.NextAsync();
        Assert.Equal(("Haemolysed sample; please redraw.", orderId), ((string?)heard["labNoteAdded"]!["text"], (string?)heard["labNoteAdded"]!["labOrder"]!["id"]));
    }

    private async Task SetBedAsync(string id, string status)
    {
        var result = await Api.PostAsAsync("nurse", "mutation ($id: ID!, $status: BedStatus!) { setBedStatus(input: { bedId: $id, status: $status }) { bed { status } errors { __typename ... on Error { message } } } }", new { id, status });
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["setBedStatus"]!["errors"]);
    }

    private async Task<(string Id, string DoctorId)> ScheduledAppointmentAsync()
    {
        // Each test takes a different scheduled appointment, so tests sharing the database do not collide.
        var result = await Api.PostAsAsync("reception", "{ appointments(first: 50, where: { status: { eq: SCHEDULED } }) { nodes { id doctor { id } } } }");
        var nodes = result["data"]!["appointments"]!["nodes"]!.AsArray();
        var node = nodes[Interlocked.Increment(ref taken) % nodes.Count]!;
        return ((string)node["id"]!, (string)node["doctor"]!["id"]!);
    }

    private static int taken = -1;

    private async Task<string> StatusAsync(string id) =>
        (string)(await Api.PostAsAsync("reception", "query ($id: ID!) { appointment(id: $id) { status } }", new { id }))["data"]!["appointment"]!["status"]!;

    /// <summary>The token of the appointment's own doctor (only they may start or complete it).</summary>
    private Task<string> OwnDoctorTokenAsync(string doctorId) =>
        Api.AccessTokenForStaffAsync((int)NodeIds.DecodeKey(doctorId, "Doctor", typeof(int)), Roles.Doctor);

    /// <summary>Starts a subscription in process as a demo account and returns once it listens on <paramref name="topic"/>.</summary>
    private async Task<Subscription> SubscribeAsync(string user, string query, Dictionary<string, object?>? variables, string topic)
    {
        var principal = await Api.PrincipalAsync(user);
        var events = Api.Services.GetRequiredService<InMemoryTopicEvents>();
        var listening = events.SubscriberCount(topic);
        var scope = Api.Services.CreateAsyncScope();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var executor = Api.Services.GetRequiredService<IRequestExecutor>();
        var stream = executor.SubscribeAsync(new GraphQLRequest(query, null, variables), new RequestContext { Services = scope.ServiceProvider, User = principal }, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var first = stream.MoveNextAsync().AsTask();
        var deadline = DateTime.UtcNow + Patience;
        while (events.SubscriberCount(topic) <= listening)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The subscription never listened on {topic}.");
            Assert.False(first.IsCompleted, "The subscription ended before it listened.");
            await Task.Delay(20, Ct);
        }

        return new Subscription(scope, cancel, stream, first);
    }

    private sealed class Subscription(AsyncServiceScope scope, CancellationTokenSource cancel, IAsyncEnumerator<ExecutionResult> stream, Task<bool> first) : IAsyncDisposable
    {
        private Task<bool>? inFlight = first;

        public async Task<JsonObject> NextAsync()
        {
            inFlight ??= stream.MoveNextAsync().AsTask();
            Assert.True(await inFlight.WaitAsync(Patience, Ct), "The subscription ended.");
            inFlight = null;
            var result = stream.Current;
            Assert.Null(result.Errors);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            Gql.Server.Json.GraphQLJson.WriteResult(buffer, result);
            return JsonNode.Parse(buffer.WrittenSpan)!["data"]!.AsObject();
        }

        public async ValueTask DisposeAsync()
        {
            await cancel.CancelAsync();
            try
            {
                if (inFlight is not null)
                {
                    await inFlight;
                }

                await stream.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
            }

            cancel.Dispose();
            await scope.DisposeAsync();
        }
    }
}

public sealed class SqliteLiveApiTests(LiveApi api) : LiveApiTests(api), IClassFixture<LiveApi>;

public sealed class PostgresLiveApiTests(PostgresLiveApi api) : LiveApiTests(api), IClassFixture<PostgresLiveApi>;

public sealed class MariaDbLiveApiTests(MariaDbLiveApi api) : LiveApiTests(api), IClassFixture<MariaDbLiveApi>;
