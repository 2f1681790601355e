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

    /// <summary>
    /// Moves an admitted patient to another bed (of this ward or another): the new bed becomes occupied, the one left goes
    /// to cleaning, and the move is kept in the stay's history.
    /// </summary>
    public static async Task<BedTransfer> TransferAsync(HospitalDbContext db, Admission admission, Bed from, Bed to, string reason, int? by, DateTime at, CancellationToken cancellationToken)
    {
        if (!admission.IsActive)
        {
            throw new InvalidStatusTransitionException(nameof(Admission), "Discharged", "Transferred", "the patient has left");
        }

        if (to.Id == from.Id)
        {
            throw new DomainValidationException(["TransferPatientInput.bedId: the patient is in that bed already."]);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException("transfer a patient");
        }

        if (to.Status != BedStatus.Available || await db.Admissions.AnyAsync(a => a.BedId == to.Id && a.DischargedAt == null, cancellationToken))
        {
            throw new BedNotAvailableException(to.Id, to.Status.ToString());
        }

        var transfer = new BedTransfer { AdmissionId = admission.Id, FromBedId = from.Id, ToBedId = to.Id, TransferredAt = at, Reason = reason.Trim(), TransferredById = by };
        admission.BedId = to.Id;
        admission.Bed = to;
        admission.Transfers.Add(transfer);
        from.Status = BedStatus.Cleaning;
        to.Status = BedStatus.Occupied;
        return transfer;
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
