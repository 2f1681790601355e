using System.Globalization;
using System.Security.Claims;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

/// <summary>
/// Admission, transfer and discharge (see AdmissionRules): each changes the beds it touches in the same transaction, so
/// the bed board (bedChanged) follows at once; the database keeps one active stay per bed and per patient.
/// </summary>
[MutationType]
[Authorize(Roles = [Access.Admissions])]
public static class AdmissionMutations
{
    [GraphQLDescription("Admits a patient to an available bed, with the attending doctor and the reason (from a visit or the emergency desk). The bed becomes OCCUPIED.")]
    [Error<NotFoundError>]
    [Error<BedNotAvailableError>]
    [Error<PatientAlreadyAdmittedError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Admission> AdmitPatientAsync(
        [ID<Patient>] int patientId,
        [ID<Bed>] int bedId,
        [ID<Doctor>] int attendingDoctorId,
        [GraphQLDescription("Why the patient is admitted (required).")] string reason,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException(["Admission.reason: the reason for the admission is required."]);
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("patient", patientId);
        }

        if (!await db.Doctors.AnyAsync(d => d.Id == attendingDoctorId && d.IsActive, cancellationToken))
        {
            throw new NotFoundException("doctor", attendingDoctorId);
        }

        var bed = await db.Beds.SingleOrNotFoundAsync(b => b.Id == bedId, "bed", bedId, cancellationToken);
        var admission = await AdmissionRules.AdmitAsync(db, patientId, bed, attendingDoctorId, reason.Trim(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SaveAsync(db, admission, bed.Id, cancellationToken);
        return admission;
    }

    [GraphQLDescription("Moves an admitted patient to another available bed, of this ward or another, with a reason; the bed left goes to CLEANING and the move is kept in the stay's `transfers`.")]
    [Error<NotFoundError>]
    [Error<BedNotAvailableError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Admission> TransferPatientAsync(
        [ID<Admission>] int admissionId,
        [ID<Bed>] int bedId,
        [GraphQLDescription("Why the patient moves (required).")] string reason,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        ClaimsPrincipal user,
        CancellationToken cancellationToken,
        [GraphQLDescription("The stay's version when the form loaded it.")] int? version = null)
    {
        var admission = await LoadAsync(db, admissionId, version, cancellationToken);
        var from = await db.Beds.SingleAsync(b => b.Id == admission.BedId, cancellationToken);
        var to = await db.Beds.SingleOrNotFoundAsync(b => b.Id == bedId, "bed", bedId, cancellationToken);
        await AdmissionRules.TransferAsync(db, admission, from, to, reason, StaffMemberOf(user), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SaveAsync(db, admission, to.Id, cancellationToken);
        return admission;
    }

    [GraphQLDescription("Discharges an admitted patient with a discharge summary (diagnoses, procedures, medications on discharge, follow-up); the bed goes to CLEANING.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Admission> DischargePatientAsync(
        [ID<Admission>] int admissionId,
        [GraphQLDescription("The discharge summary (required).")] string summary,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        [GraphQLDescription("The stay's version when the form loaded it.")] int? version = null)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainValidationException(["Admission.dischargeSummary: a discharge summary is required."]);
        }

        var admission = await LoadAsync(db, admissionId, version, cancellationToken);
        var bed = await db.Beds.SingleAsync(b => b.Id == admission.BedId, cancellationToken);
        AdmissionRules.Discharge(admission, bed, clock.GetUtcNow().UtcDateTime, summary.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return admission;
    }

    private static async Task<Admission> LoadAsync(HospitalDbContext db, int id, int? version, CancellationToken cancellationToken)
    {
        var admission = await db.Admissions.SingleOrNotFoundAsync(a => a.Id == id, "admission", id, cancellationToken);
        if (version is { } loaded)
        {
            db.Entry(admission).Property(a => a.Version).OriginalValue = loaded;
        }

        return admission;
    }

    /// <summary>Saves; a bed or a patient taken by a concurrent admission (the database's unique active-stay indexes) is the typed error.</summary>
    private static async Task SaveAsync(HospitalDbContext db, Admission admission, int bedId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolations.IsUniqueViolation(e))
        {
            var bedTaken = await db.Admissions.AsNoTracking().AnyAsync(a => a.BedId == bedId && a.DischargedAt == null && a.Id != admission.Id, cancellationToken);
            throw bedTaken ? new BedNotAvailableException(bedId, nameof(BedStatus.Occupied)) : new PatientAlreadyAdmittedException(admission.PatientId);
        }
    }

    private static int? StaffMemberOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(HospitalClaims.StaffMemberId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
