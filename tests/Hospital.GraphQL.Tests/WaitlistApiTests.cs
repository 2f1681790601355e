using System.Text.Json.Nodes;
using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.GraphQL.Tests;

/// <summary>An API of its own (a separate database): these tests book, cancel and fill the waitlist.</summary>
public sealed class WaitlistApi : HospitalApi;

/// <inheritdoc cref="WaitlistApi"/>
public sealed class PostgresWaitlistApi : PostgresHospitalApi;

/// <inheritdoc cref="WaitlistApi"/>
public sealed class MariaDbWaitlistApi : MariaDbHospitalApi;

/// <summary>joinWaitlist, the offer a cancellation makes, acceptWaitlistOffer, declineWaitlistOffer and leaveWaitlist, with their typed errors and roles, on each provider.</summary>
public abstract class WaitlistApiTests(HospitalApi api)
{
    private const string Entry = "id status version offeredStartsAt offeredEndsAt offeredDoctor { id } patient { id } bookedAppointment { id startsAt status patient { id } }";
    private const string Errors = "errors { __typename ... on Error { message } }";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static int doctorsTaken = -1;

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
    public async Task ACancellation_OffersTheFreedSlot_ToTheFirstInLine_AndTheDeskHearsOfItLive()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var (otherDoctor, _) = await FreeSlotsAsync();
        var patients = await PatientsAsync(4);
        var booked = await BookAsync(patients[0], doctor, slots[0]);
        var first = await JoinAsync(patients[1], doctor: doctor);
        var second = await JoinAsync(patients[2], doctor: doctor);
        var elsewhere = await JoinAsync(patients[3], doctor: otherDoctor);
        await using var desk = await DeskSocketAsync();
        var offers = await desk.SubscribeAsync($"subscription {{ waitlistChanged(offeredOnly: true) {{ {Entry} }} }}");
        await WaitForListenerAsync();

        await CancelAsync(booked);

        // Offers made by earlier tests may still be on their way (a poll away on MariaDB): this test's is the one for its entry.
        JsonNode heard;
        do
        {
            heard = (await desk.NextAsync(offers))!["data"]!["waitlistChanged"]!;
        }
        while ((string?)heard["id"] != first);

        Assert.Equal(first, (string?)heard["id"]);
        Assert.Equal("OFFERED", (string?)heard["status"]);
        Assert.Equal(Instant(slots[0]["startsAt"]), Instant(heard["offeredStartsAt"]));
        Assert.Equal(Instant(slots[0]["endsAt"]), Instant(heard["offeredEndsAt"]));
        Assert.Equal(doctor, (string?)heard["offeredDoctor"]!["id"]);
        Assert.Equal("WAITING", (string?)(await EntryAsync(second))["status"]);
        Assert.Equal("WAITING", (string?)(await EntryAsync(elsewhere))["status"]);
        await LeaveAsync(second);
        await LeaveAsync(elsewhere);
        await LeaveAsync(first);
    }

    [Fact]
    public async Task Declining_PassesTheOfferToTheNext_AndAcceptingBooksTheSlot()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var patients = await PatientsAsync(3);
        var booked = await BookAsync(patients[0], doctor, slots[0]);
        var first = await JoinAsync(patients[1], doctor: doctor);
        var second = await JoinAsync(patients[2], doctor: doctor);
        await CancelAsync(booked);

        var declined = await MutateAsync("declineWaitlistOffer", "$id: ID!", "entryId: $id", new { id = first });
        var offered = await EntryAsync(second);
        var accepted = await MutateAsync("acceptWaitlistOffer", "$id: ID!, $v: Int", "entryId: $id, version: $v", new { id = second, v = (int)offered["version"]! });

        Assert.Null(declined["errors"]);
        Assert.Equal("WAITING", (string?)declined["waitlistEntry"]!["status"]);
        Assert.Null(declined["waitlistEntry"]!["offeredStartsAt"]);
        Assert.Equal("OFFERED", (string?)offered["status"]);
        Assert.Null(accepted["errors"]);
        var entry = accepted["waitlistEntry"]!;
        Assert.Equal("BOOKED", (string?)entry["status"]);
        Assert.Equal(patients[2], (string?)entry["bookedAppointment"]!["patient"]!["id"]);
        Assert.Equal("SCHEDULED", (string?)entry["bookedAppointment"]!["status"]);
        Assert.Equal(Instant(slots[0]["startsAt"]), Instant(entry["bookedAppointment"]!["startsAt"]));
        Assert.DoesNotContain(await SlotsAsync(doctor, Instant(slots[0]["startsAt"]), Instant(slots[0]["endsAt"])), s => Instant(s!["startsAt"]) == Instant(slots[0]["startsAt"]));
        Assert.Equal("WAITING", (string?)(await EntryAsync(first))["status"]);
        await LeaveAsync(first);
    }

    [Fact]
    public async Task AcceptingForAPatientWithABooking_MovesIt_AndTheTimeItLeavesGoesToTheNext()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var patients = await PatientsAsync(3);
        var early = await BookAsync(patients[0], doctor, slots[0]);
        var late = await BookAsync(patients[1], doctor, slots[3]);
        var mover = await JoinAsync(patients[1], doctor: doctor, appointment: late);
        var next = await JoinAsync(patients[2], doctor: doctor);
        await CancelAsync(early);

        var accepted = await MutateAsync("acceptWaitlistOffer", "$id: ID!", "entryId: $id", new { id = mover });

        Assert.Null(accepted["errors"]);
        var moved = accepted["waitlistEntry"]!["bookedAppointment"]!;
        Assert.Equal(late, (string?)moved["id"]);
        Assert.Equal(Instant(slots[0]["startsAt"]), Instant(moved["startsAt"]));
        var cascaded = await EntryAsync(next);
        Assert.Equal("OFFERED", (string?)cascaded["status"]);
        Assert.Equal(Instant(slots[3]["startsAt"]), Instant(cascaded["offeredStartsAt"]));
        await LeaveAsync(next);
    }

    [Fact]
    public async Task OnlyASlotBeforeTheBookingHeld_IsOffered()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var patients = await PatientsAsync(2);
        var held = await BookAsync(patients[0], doctor, slots[1]);
        var waiting = await JoinAsync(patients[0], doctor: doctor, appointment: held);
        var later = await BookAsync(patients[1], doctor, slots[4]);

        await CancelAsync(later);

        Assert.Equal("WAITING", (string?)(await EntryAsync(waiting))["status"]);
        await LeaveAsync(waiting);
    }

    [Fact]
    public async Task ADepartmentsWaitlist_IsOfferedItsDoctorsFreedSlots()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var department = (string?)(await Api.PostAsAsync("reception", "query ($id: ID!) { doctor(id: $id) { department { id } } }", new { id = doctor }))["data"]!["doctor"]!["department"]!["id"];
        var patients = await PatientsAsync(2);
        var booked = await BookAsync(patients[0], doctor, slots[0]);
        var waiting = await JoinAsync(patients[1], department: department);
        try
        {
            await CancelAsync(booked);

            var entry = await EntryAsync(waiting);
            Assert.Equal("OFFERED", (string?)entry["status"]);
            Assert.Equal(doctor, (string?)entry["offeredDoctor"]!["id"]);
        }
        finally
        {
            await LeaveAsync(waiting);
        }
    }

    [Fact]
    public async Task AcceptingASlotBookedInTheMeantime_IsSlotTakenError_AndTheOfferStays()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var patients = await PatientsAsync(3);
        var booked = await BookAsync(patients[0], doctor, slots[0]);
        var waiting = await JoinAsync(patients[1], doctor: doctor);
        await CancelAsync(booked);
        await BookAsync(patients[2], doctor, slots[0]);

        var accepted = await MutateAsync("acceptWaitlistOffer", "$id: ID!", "entryId: $id", new { id = waiting });

        Assert.Equal("SlotTakenError", (string?)accepted["errors"]![0]!["__typename"]);
        Assert.Equal("OFFERED", (string?)(await EntryAsync(waiting))["status"]);
        await LeaveAsync(waiting);
    }

    [Fact]
    public async Task LeavingWithAnOffer_PassesItOn_AndBrokenRulesAreTypedErrors()
    {
        var (doctor, slots) = await FreeSlotsAsync();
        var department = (string)(await Api.PostAsAsync("reception", "{ departments { id } }"))["data"]!["departments"]![0]!["id"]!;
        var patients = await PatientsAsync(3);
        var booked = await BookAsync(patients[0], doctor, slots[0]);
        var first = await JoinAsync(patients[1], doctor: doctor);
        var second = await JoinAsync(patients[2], doctor: doctor);
        await CancelAsync(booked);

        var both = await JoinResultAsync(patients[0], doctor, department);
        var twice = await JoinResultAsync(patients[1], doctor, null);
        var unknown = await JoinResultAsync(NodeIds.Encode("Patient", 987654), doctor, null);
        var others = await JoinResultAsync(patients[2], doctor, null, appointment: booked);
        var noReason = await MutateAsync("leaveWaitlist", "$id: ID!", "entryId: $id, reason: \" \"", new { id = first });
        var left = await MutateAsync("leaveWaitlist", "$id: ID!", "entryId: $id, reason: \"Found another clinic\"", new { id = first });
        var again = await MutateAsync("leaveWaitlist", "$id: ID!", "entryId: $id, reason: \"Twice\"", new { id = first });
        var declineWaiting = await MutateAsync("declineWaitlistOffer", "$id: ID!", "entryId: $id", new { id = first });

        Assert.Equal("ValidationError", (string?)both["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)twice["errors"]![0]!["__typename"]);
        Assert.Contains("already waits", (string?)twice["errors"]![0]!["message"]);
        Assert.Equal("NotFoundError", (string?)unknown["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)others["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)noReason["errors"]![0]!["__typename"]);
        Assert.Null(left["errors"]);
        Assert.Equal("REMOVED", (string?)left["waitlistEntry"]!["status"]);
        Assert.Equal("InvalidTransitionError", (string?)again["errors"]![0]!["__typename"]);
        Assert.Equal("InvalidTransitionError", (string?)declineWaiting["errors"]![0]!["__typename"]);
        Assert.Equal("OFFERED", (string?)(await EntryAsync(second))["status"]);
        await LeaveAsync(second);
    }

    [Theory]
    [InlineData("doctor")]
    [InlineData("nurse")]
    [InlineData("analyst")]
    public async Task OnlyTheFrontDesk_PutsPatientsOnTheWaitlist(string user)
    {
        var (doctor, _) = await FreeSlotsAsync();
        var patient = (await PatientsAsync(1))[0];

        var result = await Api.PostAsAsync(user, "mutation ($p: ID!, $d: ID) { joinWaitlist(input: { patientId: $p, doctorId: $d, reason: \"Earlier please\" }) { waitlistEntry { id } } }", new { p = patient, d = doctor });

        Assert.Null(result["data"]?["joinWaitlist"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        var list = await Api.PostAsAsync("reception", "query ($p: ID, $d: ID) { waitlist(patientId: $p, doctorId: $d, status: [WAITING, OFFERED, BOOKED, REMOVED]) { totalCount } }", new { p = patient, d = doctor });
        Assert.Equal(0, (int)list["data"]!["waitlist"]!["totalCount"]!);
    }

    [Fact]
    public async Task AnAnalyst_CannotReadTheWaitlist()
    {
        var result = await Api.PostAsAsync("analyst", "{ waitlist { nodes { id patient { fullName } } } }");

        Assert.Null(result["data"]?["waitlist"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
    }

    private async Task<GraphQLSocket> DeskSocketAsync() => await GraphQLSocket.ConnectAsync(Api, await Api.AccessTokenAsync("reception"));

    private async Task WaitForListenerAsync()
    {
        var events = Api.Services.GetRequiredService<InMemoryTopicEvents>();
        var deadline = DateTime.UtcNow + Patience;
        while (events.SubscriberCount("WaitlistChanged") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription never listened on WaitlistChanged.");
            await Task.Delay(20, Ct);
        }
    }

    private async Task<string> JoinAsync(string patient, string? doctor = null, string? department = null, string? appointment = null)
    {
        var joined = await JoinResultAsync(patient, doctor, department, appointment);
        Assert.True(joined["errors"] is null, joined.ToJsonString());
        Assert.Equal("WAITING", (string?)joined["waitlistEntry"]!["status"]);
        return (string)joined["waitlistEntry"]!["id"]!;
    }

    private Task<JsonNode> JoinResultAsync(string patient, string? doctor, string? department, string? appointment = null) =>
        MutateAsync(
            "joinWaitlist",
            "$p: ID!, $d: ID, $dep: ID, $a: ID",
            "patientId: $p, doctorId: $d, departmentId: $dep, appointmentId: $a, reason: \"Sooner if possible\", notes: \"Can come at an hour's notice\"",
            new { p = patient, d = doctor, dep = department, a = appointment });

    private async Task LeaveAsync(string entry)
    {
        var left = await MutateAsync("leaveWaitlist", "$id: ID!", "entryId: $id, reason: \"Test over\"", new { id = entry });
        Assert.True(left["errors"] is null || (string?)left["errors"]![0]!["__typename"] == "InvalidTransitionError", left.ToJsonString());
    }

    private async Task<JsonNode> MutateAsync(string field, string variables, string input, object values)
    {
        var result = await Api.PostAsAsync("reception", $"mutation ({variables}) {{ {field}(input: {{ {input} }}) {{ waitlistEntry {{ {Entry} }} {Errors} }} }}", values);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]![field]!;
    }

    private async Task<JsonNode> EntryAsync(string id)
    {
        var result = await Api.PostAsAsync("reception", $"query ($id: ID!) {{ node(id: $id) {{ ... on WaitlistEntry {{ {Entry} }} }} }}", new { id });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["node"]!;
    }

    private async Task<string> BookAsync(string patient, string doctor, JsonNode slot)
    {
        var result = await Api.PostAsAsync(
            "reception",
            "mutation ($p: ID!, $d: ID!, $s: DateTime) { bookAppointment(input: { patientId: $p, doctorId: $d, startsAt: $s, reason: \"Check-up\" }) { appointment { id } errors { __typename } } }",
            new { p = patient, d = doctor, s = (string)slot["startsAt"]! });
        Assert.True(result["errors"] is null && result["data"]!["bookAppointment"]!["errors"] is null, result.ToJsonString());
        return (string)result["data"]!["bookAppointment"]!["appointment"]!["id"]!;
    }

    private async Task CancelAsync(string appointment)
    {
        var result = await Api.PostAsAsync("reception", "mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: \"Patient called\" }) { errors { __typename } } }", new { id = appointment });
        Assert.True(result["errors"] is null && result["data"]!["cancelAppointment"]!["errors"] is null, result.ToJsonString());
    }

    /// <summary>A doctor no other test of this class uses, and their free slots from tomorrow (at least five).</summary>
    private async Task<(string Doctor, List<JsonNode> Slots)> FreeSlotsAsync()
    {
        var result = await Api.PostAsAsync("reception", "{ doctors(first: 100) { nodes { id isActive } } }");
        var doctors = result["data"]!["doctors"]!["nodes"]!.AsArray().Where(d => (bool?)d!["isActive"] != false).Select(d => (string)d!["id"]!).ToList();
        for (var attempt = 0; attempt < doctors.Count; attempt++)
        {
            var doctor = doctors[Interlocked.Increment(ref doctorsTaken) % doctors.Count];
            var slots = await SlotsAsync(doctor, DateTime.UtcNow.Date.AddDays(1), DateTime.UtcNow.Date.AddDays(15));

            // Nobody may wait for the doctor already (the counter is shared by the providers' classes and wraps).
            var waiting = await Api.PostAsAsync("reception", "query ($d: ID) { waitlist(doctorId: $d) { totalCount } }", new { d = doctor });
            if (slots.Count > 4 && (int)waiting["data"]!["waitlist"]!["totalCount"]! == 0)
            {
                return (doctor, [.. slots.Select(s => s!)]);
            }
        }

        throw new InvalidOperationException("No doctor has free slots in the next two weeks.");
    }

    private async Task<JsonArray> SlotsAsync(string doctor, DateTime from, DateTime to)
    {
        var result = await Api.PostAsAsync("reception", "query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt endsAt } }", new { d = doctor, from = Iso(from), to = Iso(to) });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["availableSlots"]!.AsArray();
    }

    private async Task<List<string>> PatientsAsync(int count)
    {
        // Patients the other tests of this class do not use: each test takes the next ones of the first hundred.
        var result = await Api.PostAsAsync("reception", "{ patients(first: 100) { nodes { id } } }");
        Assert.True(result["errors"] is null, result.ToJsonString());
        var all = result["data"]!["patients"]!["nodes"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        var first = Interlocked.Add(ref patientsTaken, count) - count;
        return [.. Enumerable.Range(first, count).Select(i => all[i % all.Count])];
    }

    private static int patientsTaken;

    private static DateTime Instant(JsonNode? value) => DateTime.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteWaitlistApiTests(WaitlistApi api) : WaitlistApiTests(api), IClassFixture<WaitlistApi>;

public sealed class PostgresWaitlistApiTests(PostgresWaitlistApi api) : WaitlistApiTests(api), IClassFixture<PostgresWaitlistApi>;

public sealed class MariaDbWaitlistApiTests(MariaDbWaitlistApi api) : WaitlistApiTests(api), IClassFixture<MariaDbWaitlistApi>;
