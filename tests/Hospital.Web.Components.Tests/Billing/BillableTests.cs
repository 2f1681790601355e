using System.Text.Json;
using Gql.Client;
using Hospital.Web.Components.Billing;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>What the chart's invoices tab offers to bill: completed visits and stays without a live invoice.</summary>
public sealed class BillableTests
{
    private static readonly HospitalTime Time = new(new Hospital.Data.HospitalDataOptions(Hospital.Data.DatabaseProvider.Sqlite, "Data Source=:memory:", TimeZoneInfo.Utc), TimeProvider.System);

    [Fact]
    public void CompletedVisitsAndStays_WithoutALiveInvoice_AreOffered_NewestFirst()
    {
        var patient = Chart(
            appointments: [Visit("A1", "COMPLETED", "2026-11-10T09:00:00Z"), Visit("A2", "COMPLETED", "2026-11-12T09:00:00Z"), Visit("A3", "SCHEDULED", "2026-11-20T09:00:00Z"), Visit("A4", "COMPLETED", "2026-11-01T09:00:00Z")],
            admissions: [Stay("S1", "2026-11-11T12:00:00Z", null)],
            invoices: [Invoice("ISSUED", appointment: "A1"), Invoice("VOID", appointment: "A4")]);

        var offered = Billable.Of(patient.Invoices!, patient.Appointments, patient.Admissions, Time);

        // A1 is billed; A3 is not done yet; A4's invoice was voided, which frees it to be billed again.
        Assert.Equal([("A2", null), (null, "S1"), ("A4", null)], offered.Select(b => (b.AppointmentId, b.AdmissionId)));
        Assert.Equal("Visit 12 Nov 2026 09:00 with Dr Grace Hopper", offered[0].Label);
        Assert.Equal("Stay since 11 Nov 2026 in Ward 3 (to date)", offered[1].Label);
    }

    [Fact]
    public void ABilledStay_IsNotOffered()
    {
        var patient = Chart(appointments: [], admissions: [Stay("S1", "2026-11-01T12:00:00Z", "2026-11-04T10:00:00Z")], invoices: [Invoice("PAID", admission: "S1")]);

        Assert.Empty(Billable.Of(patient.Invoices!, patient.Appointments, patient.Admissions, Time));
    }

    internal static IGetPatientChart_Patient Chart(object[] appointments, object[] admissions, object[] invoices)
    {
        var json = JsonSerializer.SerializeToElement(new
        {
            patient = new
            {
                id = "UGF0aWVudDox", mrn = "MRN-0000001", firstName = "Ada", lastName = "Lovelace", fullName = "Ada Lovelace", dateOfBirth = "1980-12-10", age = 45,
                sex = "FEMALE", isActive = true, isDeceased = false, dateOfDeath = (string?)null, phone = (string?)null, email = (string?)null,
                address = (object?)null, emergencyContact = (object?)null, insurance = (object?)null, appointments, admissions, invoices,
            },
        });
        var result = OperationResultFactory.FromData(json, GetPatientChartResultReader.Read);
        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Data!.Patient!;
    }

    internal static object Visit(string id, string status, string startsAt) =>
        new { id, startsAt, endsAt = startsAt, reason = "Check-up", status, doctor = new { fullName = "Dr Grace Hopper", department = (object?)null } };

    internal static object Stay(string id, string admittedAt, string? dischargedAt) => new
    {
        id, admittedAt, dischargedAt, reason = "Observation", isActive = dischargedAt is null,
        bed = new { label = "3B", ward = new { name = "Ward 3" } }, attendingDoctor = new { fullName = "Dr Grace Hopper" },
    };

    internal static object Invoice(string status, string? appointment = null, string? admission = null) => new
    {
        id = Guid.NewGuid().ToString("N"), number = "INV-2026-000001", status, createdAt = "2026-11-13T09:00:00Z", dueDate = (string?)null,
        total = 80m, amountPaid = 0m, balance = 80m,
        appointment = appointment is null ? null : new { id = appointment }, admission = admission is null ? null : new { id = admission },
        lines = Array.Empty<object>(), payments = Array.Empty<object>(),
    };
}
