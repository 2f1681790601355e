using System.Text.Json;
using Hospital.Web.Components.FrontDesk;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.FrontDesk;

/// <summary>The front desk's views of its day, and how changes from subscriptions and actions are put in place.</summary>
public sealed class FrontDeskStateTests
{
    private static readonly DateTimeOffset DayStart = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = DayStart.AddHours(10).AddMinutes(30);

    [Fact]
    public void TheDay_SplitsIntoArrivals_TheWaitingRoom_AndLateArrivals_AgainstNow()
    {
        var state = Loaded(
            [
                Appointment("1", "08:30", "COMPLETED"),
                Appointment("2", "10:00", "CHECKED_IN", checkedInAt: "09:50"),
                Appointment("3", "10:20", "CHECKED_IN", checkedInAt: "10:25"),
                Appointment("4", "10:20", "SCHEDULED"),
                Appointment("5", "09:45", "SCHEDULED"),
                Appointment("6", "11:00", "SCHEDULED"),
            ],
            []);

        Assert.Equal(["1", "5", "2", "3", "4", "6"], state.Arrivals.Select(a => a.Id));
        Assert.Equal([("2", 40), ("3", 5)], state.WaitingRoom(Now).Select(w => (w.Appointment.Id, (int)w.Waited.TotalMinutes)));
        Assert.Equal([("5", 45, true), ("4", 10, false)], state.Late(Now).Select(l => (l.Appointment.Id, (int)l.Late.TotalMinutes, l.NoShowCandidate)));
        Assert.Equal(2, state.Count(AppointmentStatus.CheckedIn));
    }

    [Fact]
    public void AChangedAppointment_IsPutInPlace_AndOneMovedToAnotherDay_Leaves()
    {
        var state = Loaded([Appointment("1", "11:00", "SCHEDULED"), Appointment("2", "12:00", "SCHEDULED")], []);

        state.Apply(Read(Appointment("1", "11:00", "CHECKED_IN", checkedInAt: "10:30")));
        state.Apply(Read(Appointment("2", "12:00", "SCHEDULED", day: 19)));
        state.Apply(Read(Appointment("3", "15:00", "SCHEDULED")));

        Assert.Equal(["1", "3"], state.Arrivals.Select(a => a.Id));
        Assert.Single(state.WaitingRoom(Now));
    }

    [Fact]
    public void WaitlistChanges_MoveEntriesBetweenOffersAndTheLine_AndClosedOnesLeave()
    {
        var state = Loaded([], [Entry("a", "WAITING", "2026-11-16T09:00:00Z"), Entry("b", "WAITING", "2026-11-17T09:00:00Z")], total: 5);
        Assert.Equal(["a", "b"], state.Waiting.Select(e => e.Id));
        Assert.Equal(5, state.WaitingCount);

        state.Apply(ReadEntry(Entry("a", "OFFERED", "2026-11-16T09:00:00Z")));
        Assert.Equal(["a"], state.Offers.Select(e => e.Id));
        Assert.Equal(["b"], state.Waiting.Select(e => e.Id));

        state.Apply(ReadEntry(Entry("a", "BOOKED", "2026-11-16T09:00:00Z")));
        state.Apply(ReadEntry(Entry("b", "REMOVED", "2026-11-17T09:00:00Z")));
        Assert.Empty(state.Offers);
        Assert.Empty(state.Waiting);
        Assert.Equal(3, state.WaitingCount);
    }

    [Theory]
    [InlineData(4, "4 min")]
    [InlineData(65, "1 h 05 min")]
    [InlineData(-3, "0 min")]
    public void Minutes_ReadAsStaffSayThem(int minutes, string text) => Assert.Equal(text, FrontDeskText.Minutes(TimeSpan.FromMinutes(minutes)));

    private static FrontDeskState Loaded(string[] appointments, string[] entries, int? total = null)
    {
        var json = $$$"""{"appointments":{"totalCount":{{{appointments.Length}}},"nodes":[{{{string.Join(',', appointments)}}}]},"waitlist":{"totalCount":{{{total ?? entries.Length}}},"nodes":[{{{string.Join(',', entries)}}}]}}""";
        using var document = JsonDocument.Parse(json);
        var data = GetFrontDeskResultReader.Read(document.RootElement);
        var state = new FrontDeskState(DayStart, DayStart.AddDays(1), TimeSpan.FromMinutes(15));
        state.Load(data.Appointments!.Nodes!, data.Waitlist!.Nodes!, data.Waitlist.TotalCount);
        return state;
    }

    private static IScheduledAppointment Read(string json)
    {
        using var document = JsonDocument.Parse($$"""{"appointmentChanged":{{json}}}""");
        return OnScheduleChangedResultReader.Read(document.RootElement).AppointmentChanged;
    }

    private static IWaitlistRow ReadEntry(string json)
    {
        using var document = JsonDocument.Parse($$"""{"waitlistChanged":{{json}}}""");
        return OnWaitlistChangedResultReader.Read(document.RootElement).WaitlistChanged;
    }

    private static string Appointment(string id, string at, string status, string? checkedInAt = null, int day = 18) =>
        JsonSerializer.Serialize(new
        {
            id,
            startsAt = $"2026-11-{day}T{at}:00Z",
            endsAt = DateTimeOffset.Parse($"2026-11-{day}T{at}:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            reason = "Check-up",
            status,
            allowedTransitions = Array.Empty<string>(),
            cancellationReason = (string?)null,
            checkedInAt = checkedInAt is null ? null : $"2026-11-{day}T{checkedInAt}:00Z",
            startedAt = (string?)null,
            completedAt = (string?)null,
            patient = new { id = "P" + id, mrn = "MRN-" + id, fullName = "Patient " + id, age = 40, phone = (string?)null },
            doctor = new { id = "D1", fullName = "Grace Hopper", specialty = new { name = "Cardiology" }, department = new { code = "CARD", name = "Cardiology" } },
        });

    private static string Entry(string id, string status, string createdAt) =>
        JsonSerializer.Serialize(new
        {
            id,
            status,
            version = 1,
            reason = "Sooner",
            notes = (string?)null,
            createdAt,
            offeredStartsAt = status == "OFFERED" ? "2026-11-19T09:00:00Z" : null,
            offeredEndsAt = status == "OFFERED" ? "2026-11-19T09:20:00Z" : null,
            offeredAt = status == "OFFERED" ? "2026-11-18T10:00:00Z" : null,
            offeredDoctor = status == "OFFERED" ? new { id = "D1", fullName = "Grace Hopper" } : null,
            patient = new { id = "P" + id, mrn = "MRN-" + id, fullName = "Patient " + id, phone = (string?)null },
            doctor = new { id = "D1", fullName = "Grace Hopper" },
            department = (object?)null,
            appointment = (object?)null,
        });
}
