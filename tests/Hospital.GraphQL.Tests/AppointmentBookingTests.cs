using System.Text.Json.Nodes;
using Gql.Server.Relay;
using Hospital.Data.Entities;

namespace Hospital.GraphQL.Tests;

/// <summary>An API of its own (a separate database): these tests book.</summary>
public sealed class BookingApi : HospitalApi;

/// <inheritdoc cref="BookingApi"/>
public sealed class PostgresBookingApi : PostgresHospitalApi;

/// <inheritdoc cref="BookingApi"/>
public sealed class MariaDbBookingApi : MariaDbHospitalApi;

/// <summary>availableSlots, bookAppointment (walk-ins too) and rescheduleAppointment, with each typed error, on each provider.</summary>
public abstract class AppointmentBookingTests(HospitalApi api)
{
    private const string Book = """
        mutation ($patient: ID!, $doctor: ID!, $start: DateTime, $minutes: Int, $walkIn: Boolean, $reason: String!) {
          bookAppointment(input: { patientId: $patient, doctorId: $doctor, startsAt: $start, durationMinutes: $minutes, walkIn: $walkIn, reason: $reason }) {
            appointment { id status startsAt endsAt version doctor { id } patient { id } }
            errors { __typename ... on Error { message } ... on SlotTakenError { code } ... on OutsideWorkingHoursError { code } ... on ValidationError { errors } }
          }
        }
        """;

    private const string Reschedule = """
        mutation ($id: ID!, $start: DateTime!, $version: Int) {
          rescheduleAppointment(input: { appointmentId: $id, startsAt: $start, version: $version }) {
            appointment { id status startsAt endsAt version }
            errors { __typename ... on Error { message } }
          }
        }
        """;

    private static int doctorsTaken = -1;

    private HospitalApi Api
    {
        get
        {
            Assert.SkipWhen(api.SkipReason is not null, api.SkipReason ?? "");
            return api;
        }
    }

    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task AvailableSlots_OfferAFreeSlot_ThatBookingThenTakes()
    {
        var (doctor, slot) = await FreeSlotAsync();
        var patient = (await PatientsAsync(1))[0];

        var booked = await BookAsync("reception", patient, doctor, (string)slot["startsAt"]!);

        Assert.Null(booked["errors"]);
        var appointment = booked["appointment"]!;
        Assert.Equal("SCHEDULED", (string?)appointment["status"]);
        Assert.Equal(Instant(slot["startsAt"]), Instant(appointment["startsAt"]));
        Assert.Equal(Instant(slot["endsAt"]), Instant(appointment["endsAt"]));
        Assert.Equal(doctor, (string?)appointment["doctor"]!["id"]);
        var after = await SlotsAsync(doctor, Instant(slot["startsAt"]).AddHours(-1), Instant(slot["startsAt"]).AddHours(1));
        Assert.DoesNotContain(after, s => Instant(s!["startsAt"]) == Instant(slot["startsAt"]));
    }

    [Fact]
    public async Task TwentyParallelBookings_OfOneSlot_GiveOneAppointment_And19SlotTakenErrors()
    {
        var (doctor, slot) = await FreeSlotAsync();
        var patients = await PatientsAsync(20);
        var token = await Api.AccessTokenAsync("reception");

        // Twenty requests at once, each for another patient: the database decides, and every loser hears why.
        var results = await Task.WhenAll(patients.Select(p => Task.Run(async () =>
            (await Api.PostWithTokenAsync(token, Book, new { patient = p, doctor, start = (string)slot["startsAt"]!, reason = "Parallel booking" }))["data"]!["bookAppointment"]!)));

        Assert.Equal(1, results.Count(r => r["appointment"] is JsonObject));
        var refused = results.Where(r => r["appointment"] is null).ToList();
        Assert.Equal(19, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal("SlotTakenError", (string?)r["errors"]![0]!["__typename"]);
            Assert.Equal("SLOT_TAKEN", (string?)r["errors"]![0]!["code"]);
        });
        var held = await Api.PostAsAsync("reception", "query ($d: ID, $from: DateTime, $to: DateTime) { appointments(doctorId: $d, from: $from, to: $to, first: 50) { nodes { id status } } }", new { d = doctor, from = slot["startsAt"]!.ToString(), to = slot["endsAt"]!.ToString() });
        Assert.Single(held["data"]!["appointments"]!["nodes"]!.AsArray(), n => (string?)n!["status"] == "SCHEDULED");
    }

    [Fact]
    public async Task Booking_BrokenRules_AreTypedErrors()
    {
        var (doctor, slot) = await FreeSlotAsync();
        var patient = (await PatientsAsync(1))[0];
        var start = Instant(slot["startsAt"]);

        var past = await BookAsync("reception", patient, doctor, Iso(Now.AddDays(-1)));
        var noReason = await BookAsync("reception", patient, doctor, Iso(start), reason: "  ");
        var unknownDoctor = await BookAsync("reception", patient, NodeIds.Encode("Doctor", 987654), Iso(start));
        var unknownPatient = await BookAsync("reception", NodeIds.Encode("Patient", 987654), doctor, Iso(start));
        var night = await BookAsync("reception", patient, doctor, Iso(start.Date.AddDays(1).AddHours(2).AddMinutes(7)));

        Assert.Equal("ValidationError", (string?)past["errors"]![0]!["__typename"]);
        Assert.Contains("past", (string?)past["errors"]![0]!["message"]);
        Assert.Equal("ValidationError", (string?)noReason["errors"]![0]!["__typename"]);
        Assert.Contains("reason", (string?)noReason["errors"]![0]!["message"]);
        Assert.Equal("NotFoundError", (string?)unknownDoctor["errors"]![0]!["__typename"]);
        Assert.Equal("NotFoundError", (string?)unknownPatient["errors"]![0]!["__typename"]);
        Assert.Equal("OutsideWorkingHoursError", (string?)night["errors"]![0]!["__typename"]);
        Assert.Equal("OUTSIDE_WORKING_HOURS", (string?)night["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Reschedule_MovesToAFreeSlot_AndRefusesTakenStaleAndClosedOnes()
    {
        var (doctor, slot) = await FreeSlotAsync();
        var later = (await SlotsAsync(doctor, Instant(slot["endsAt"]), Instant(slot["endsAt"]).AddDays(14)))
            .Select(s => s!["startsAt"]!.ToString()).ToList();
        var patients = await PatientsAsync(2);
        var first = (await BookAsync("reception", patients[0], doctor, (string)slot["startsAt"]!))["appointment"]!;
        var second = (await BookAsync("reception", patients[1], doctor, later[0]))["appointment"]!;
        var id = (string)first["id"]!;

        var taken = await RescheduleAsync(id, later[0]);
        var moved = await RescheduleAsync(id, later[1], (int)first["version"]!);
        var stale = await RescheduleAsync(id, later[2], (int)first["version"]!);
        await Api.PostAsAsync("reception", "mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: \"Patient called\" }) { errors { __typename } } }", new { id = (string)second["id"]! });
        var cancelled = await RescheduleAsync((string)second["id"]!, later[3]);

        Assert.Equal("SlotTakenError", (string?)taken["errors"]![0]!["__typename"]);
        Assert.Null(moved["errors"]);
        Assert.Equal(Instant(later[1]), Instant(moved["appointment"]!["startsAt"]));
        Assert.Equal(Instant(later[1]) + (Instant(first["endsAt"]) - Instant(first["startsAt"])), Instant(moved["appointment"]!["endsAt"]));
        Assert.Equal("ConcurrencyError", (string?)stale["errors"]![0]!["__typename"]);
        Assert.Equal("InvalidTransitionError", (string?)cancelled["errors"]![0]!["__typename"]);

        // The slot it left is free again.
        Assert.Contains(await SlotsAsync(doctor, Instant(slot["startsAt"]), Instant(slot["endsAt"])), s => Instant(s!["startsAt"]) == Instant(slot["startsAt"]));
    }

    [Fact]
    public async Task WalkIn_IsBookedNow_AndCheckedInAtOnce()
    {
        var busy = await Api.PostAsAsync("reception", "query ($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 500, where: { status: { nin: [CANCELLED, NO_SHOW] } }) { nodes { doctor { id } } } }", new { from = Iso(Now.AddMinutes(-5)), to = Iso(Now.AddHours(1)) });
        var busyDoctors = busy["data"]!["appointments"]!["nodes"]!.AsArray().Select(n => (string?)n!["doctor"]!["id"]).ToHashSet();
        var doctor = (await DoctorsAsync()).First(d => !busyDoctors.Contains(d));
        var patient = (await PatientsAsync(1))[0];
        var before = Now.AddMinutes(-1);

        var walkIn = await BookAsync("reception", patient, doctor, null, walkIn: true, minutes: 20);

        Assert.Null(walkIn["errors"]);
        Assert.Equal("CHECKED_IN", (string?)walkIn["appointment"]!["status"]);
        var start = Instant(walkIn["appointment"]!["startsAt"]);
        Assert.InRange(start, before, Now);
        Assert.Equal(start.AddMinutes(20), Instant(walkIn["appointment"]!["endsAt"]));
    }

    [Fact]
    public async Task ADoctor_BooksFollowUpsInTheirOwnSchedule_OnlyThere()
    {
        var (doctor, slot) = await FreeSlotAsync();
        var (other, otherSlot) = await FreeSlotAsync();
        var patient = (await PatientsAsync(1))[0];
        var own = await Api.AccessTokenForStaffAsync((int)NodeIds.DecodeKey(doctor, "Doctor", typeof(int)), Roles.Doctor);

        var followUp = (await Api.PostWithTokenAsync(own, Book, new { patient, doctor, start = (string)slot["startsAt"]!, reason = "Follow-up" }))["data"]!["bookAppointment"]!;
        var foreign = await Api.PostWithTokenAsync(own, Book, new { patient, doctor = other, start = (string)otherSlot["startsAt"]!, reason = "Follow-up" });

        Assert.Null(followUp["errors"]);
        Assert.Equal("SCHEDULED", (string?)followUp["appointment"]!["status"]);
        Assert.Null(foreign["data"]?["bookAppointment"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)foreign["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("nurse")]
    [InlineData("analyst")]
    public async Task NursesAndAnalysts_CannotBook(string user)
    {
        var (doctor, slot) = await FreeSlotAsync();
        var patient = (await PatientsAsync(1))[0];

        var result = await Api.PostAsAsync(user, Book, new { patient, doctor, start = (string)slot["startsAt"]!, reason = "Check-up" });

        Assert.Null(result["data"]?["bookAppointment"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains(await SlotsAsync(doctor, Instant(slot["startsAt"]), Instant(slot["endsAt"])), s => Instant(s!["startsAt"]) == Instant(slot["startsAt"]));
    }

    [Fact]
    public async Task AvailableSlots_BadArguments_AreUserErrors()
    {
        var doctors = await DoctorsAsync();
        var department = (string)(await Api.PostAsAsync("reception", "{ departments { id } }"))["data"]!["departments"]![0]!["id"]!;

        var none = await Api.PostAsAsync("reception", "query ($from: DateTime!, $to: DateTime!) { availableSlots(from: $from, to: $to) { startsAt } }", new { from = Iso(Now), to = Iso(Now.AddDays(1)) });
        var two = await Api.PostAsAsync("reception", "query ($d: ID, $dep: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, departmentId: $dep, from: $from, to: $to) { startsAt } }", new { d = doctors[0], dep = department, from = Iso(Now), to = Iso(Now.AddDays(1)) });
        var tooLong = await Api.PostAsAsync("reception", "query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } }", new { d = doctors[0], from = Iso(Now), to = Iso(Now.AddDays(60)) });

        foreach (var result in new[] { none, two, tooLong })
        {
            Assert.Equal("BAD_USER_INPUT", (string?)result["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task AvailableSlots_OfADepartment_AreThoseOfItsDoctors()
    {
        var result = await Api.PostAsAsync("reception", "{ departments { id staff { __typename ... on Doctor { id } } } }");
        var department = result["data"]!["departments"]!.AsArray().First(d => d!["staff"]!.AsArray().Any(s => (string?)s!["__typename"] == "Doctor"))!;
        var members = department["staff"]!.AsArray().Where(s => (string?)s!["__typename"] == "Doctor").Select(s => (string?)s!["id"]).ToHashSet();

        var slots = await Api.PostAsAsync("reception", "query ($dep: ID, $from: DateTime!, $to: DateTime!) { availableSlots(departmentId: $dep, from: $from, to: $to) { startsAt doctor { id } } }", new { dep = (string)department["id"]!, from = Iso(Now), to = Iso(Now.AddDays(7)) });

        var list = slots["data"]!["availableSlots"]!.AsArray();
        Assert.NotEmpty(list);
        Assert.All(list, s => Assert.Contains((string?)s!["doctor"]!["id"], members));
        Assert.Equal(list.Select(s => Instant(s!["startsAt"])).Order(), list.Select(s => Instant(s!["startsAt"])));
    }

    private async Task<JsonNode> BookAsync(string user, string patient, string doctor, string? start, string reason = "Check-up", bool? walkIn = null, int? minutes = null)
    {
        var result = await Api.PostAsAsync(user, Book, new { patient, doctor, start, reason, walkIn, minutes });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["bookAppointment"]!;
    }

    private async Task<JsonNode> RescheduleAsync(string id, string start, int? version = null)
    {
        var result = await Api.PostAsAsync("reception", Reschedule, new { id, start, version });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["rescheduleAppointment"]!;
    }

    /// <summary>A doctor no other test of this class uses, and their first free slot from tomorrow.</summary>
    private async Task<(string Doctor, JsonNode Slot)> FreeSlotAsync()
    {
        var doctors = await DoctorsAsync();
        for (var attempt = 0; attempt < doctors.Count; attempt++)
        {
            var doctor = doctors[Interlocked.Increment(ref doctorsTaken) % doctors.Count];
            var slots = await SlotsAsync(doctor, Now.Date.AddDays(1), Now.Date.AddDays(15));
            if (slots.Count > 4)
            {
                return (doctor, slots[0]!);
            }
        }

        throw new InvalidOperationException("No doctor has free slots in the next two weeks.");
    }

    private async Task<JsonArray> SlotsAsync(string doctor, DateTime from, DateTime to)
    {
        var result = await Api.PostAsAsync("reception", "query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt endsAt doctor { id } } }", new { d = doctor, from = Iso(from), to = Iso(to) });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["availableSlots"]!.AsArray();
    }

    private async Task<List<string>> DoctorsAsync()
    {
        var result = await Api.PostAsAsync("reception", "{ doctors(first: 100) { nodes { id isActive } } }");
        return [.. result["data"]!["doctors"]!["nodes"]!.AsArray().Where(d => (bool?)d!["isActive"] != false).Select(d => (string)d!["id"]!)];
    }

    private async Task<List<string>> PatientsAsync(int count)
    {
        var result = await Api.PostAsAsync("reception", "query ($n: Int) { patients(first: $n) { nodes { id } } }", new { n = count });
        return [.. result["data"]!["patients"]!["nodes"]!.AsArray().Select(p => (string)p!["id"]!)];
    }

    private static DateTime Instant(JsonNode? value) => Instant((string)value!);

    private static DateTime Instant(string value) => DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteAppointmentBookingTests(BookingApi api) : AppointmentBookingTests(api), IClassFixture<BookingApi>;

public sealed class PostgresAppointmentBookingTests(PostgresBookingApi api) : AppointmentBookingTests(api), IClassFixture<PostgresBookingApi>;

public sealed class MariaDbAppointmentBookingTests(MariaDbBookingApi api) : AppointmentBookingTests(api), IClassFixture<MariaDbBookingApi>;
