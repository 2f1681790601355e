using System.Text.Json;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Appointments;

/// <summary>An appointment as the API sends it (the ScheduledAppointment fragment), and read by the generated reader.</summary>
internal static class AppointmentJson
{
    public const string Id = "QXBwb2ludG1lbnQ6MTIz";

    public static string Of(string status, string[] allowed, string? cancellationReason = null, string? checkedInAt = null) =>
        JsonSerializer.Serialize(new
        {
            id = Id,
            startsAt = "2026-11-18T10:00:00Z",
            endsAt = "2026-11-18T10:30:00Z",
            reason = "Follow-up of hypertension",
            status,
            allowedTransitions = allowed,
            cancellationReason,
            checkedInAt,
            startedAt = (string?)null,
            completedAt = (string?)null,
            patient = new { id = "UGF0aWVudDo3", mrn = "MRN-0000007", fullName = "Ada Lovelace", age = 36, phone = "+44 20 7946 0000" },
            doctor = new { id = "RG9jdG9yOjM=", fullName = "Grace Hopper", specialty = new { name = "Cardiology" }, department = new { code = "CARD", name = "Cardiology" } },
        });

    /// <summary>The appointment as the schedule hands it to the details dialog.</summary>
    public static IScheduledAppointment Read(string json)
    {
        using var document = JsonDocument.Parse($$$"""{"checkInAppointment":{"appointment":{{{json}}},"errors":null}}""");
        return CheckInAppointmentResultReader.Read(document.RootElement).CheckInAppointment.Appointment!;
    }
}
