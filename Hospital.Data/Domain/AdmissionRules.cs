using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Domain;

/// <summary>Bed occupancy: at most one active admission per bed and per patient, and only available beds take patients.</summary>
public static class AdmissionRules
{
    public static async Task EnsureCanAdmitAsync(HospitalDbContext db, int patientId, Bed bed, CancellationToken cancellationToken)
    {
        if (bed.Status != BedStatus.Available)
        {
            throw new BedNotAvailableException(bed.Id, bed.Status.ToString());
        }

        if (await db.Admissions.AnyAsync(a => a.BedId == bed.Id && a.DischargedAt == null, cancellationToken))
        {
            throw new BedNotAvailableException(bed.Id, nameof(BedStatus.Occupied));
        }

        if (await db.Admissions.AnyAsync(a => a.PatientId == patientId && a.DischargedAt == null, cancellationToken))
        {
            throw new PatientAlreadyAdmittedException(patientId);
        }
    }

    /// <summary>Admits a patient: the bed becomes occupied in the same unit of work.</summary>
    public static async Task<Admission> AdmitAsync(
        HospitalDbContext db, int patientId, Bed bed, int attendingDoctorId, string reason, DateTime at, CancellationToken cancellationToken)
    {
        await EnsureCanAdmitAsync(db, patientId, bed, cancellationToken);
        var admission = new Admission
        {
            PatientId = patientId,
            BedId = bed.Id,
            AttendingDoctorId = attendingDoctorId,
            AdmittedAt = at,
            Reason = reason,
        };
        bed.Status = BedStatus.Occupied;
        db.Admissions.Add(admission);
        return admission;
    }

    /// <summary>Discharges a patient: the bed goes to cleaning before it can take the next patient.</summary>
    public static void Discharge(Admission admission, Bed bed, DateTime at, string? summary)
    {
        if (!admission.IsActive)
        {
            throw new InvalidStatusTransitionException(nameof(Admission), "Discharged", "Discharged");
        }

        if (at < admission.AdmittedAt)
        {
            throw new DomainValidationException(["Admission.DischargedAt: must not be before the admission"]);
        }

        admission.DischargedAt = at;
        admission.DischargeSummary = summary;
        bed.Status = BedStatus.Cleaning;
    }
}
