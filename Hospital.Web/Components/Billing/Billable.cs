using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>A completed visit or a stay of the chart that no live invoice bills yet: what "Create invoice" offers.</summary>
public sealed record Billable(string? AppointmentId, string? AdmissionId, string Label)
{
    /// <summary>
    /// Completed visits and stays (newest first) without an invoice that is not void: a voided invoice frees its visit or
    /// stay to be billed again, as the API allows.
    /// </summary>
    public static IReadOnlyList<Billable> Of(
        IReadOnlyList<IGetPatientChart_Patient_Invoices> invoices,
        IReadOnlyList<IGetPatientChart_Patient_Appointments> appointments,
        IReadOnlyList<IGetPatientChart_Patient_Admissions> admissions,
        HospitalTime time)
    {
        var live = invoices.Where(i => i.Status != InvoiceStatus.Void).ToList();
        var billedVisits = live.Select(i => i.Appointment?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var billedStays = live.Select(i => i.Admission?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var visits = appointments
            .Where(a => a.Status == AppointmentStatus.Completed && !billedVisits.Contains(a.Id))
            .OrderByDescending(a => a.StartsAt)
            .Select(a => (a.StartsAt, Billable: new Billable(a.Id, null, $"Visit {time.DateTime(a.StartsAt)} with {a.Doctor.FullName}")));
        var stays = admissions
            .Where(a => !billedStays.Contains(a.Id))
            .Select(a => (StartsAt: a.AdmittedAt, Billable: new Billable(null, a.Id, a.IsActive
                ? $"Stay since {time.Date(a.AdmittedAt)} in {a.Bed.Ward.Name} (to date)"
                : $"Stay {time.Date(a.AdmittedAt)} to {time.Date(a.DischargedAt ?? a.AdmittedAt)} in {a.Bed.Ward.Name}")));
        return visits.Concat(stays).OrderByDescending(b => b.StartsAt).Select(b => b.Billable).ToList();
    }
}
