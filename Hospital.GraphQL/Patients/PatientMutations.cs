using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Patients;

/// <summary>
/// The front desk's changes to a patient: register (the system assigns the MRN), edit with the version the form was
/// loaded at, deactivate and reactivate (patients are never deleted). Reception and administrators only.
/// </summary>
[MutationType]
public static class PatientMutations
{
    [GraphQLDescription("Registers a new patient; the system assigns the medical record number. Ask possiblePatientDuplicates first.")]
    [Authorize(Roles = [Roles.Receptionist, Roles.Admin])]
    [Error<ValidationError>]
    public static async Task<Patient> RegisterPatientAsync(
        string firstName,
        string lastName,
        DateOnly dateOfBirth,
        Sex sex,
        string? phone,
        string? email,
        AddressInput? address,
        EmergencyContactInput? emergencyContact,
        InsuranceInput? insurance,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        BloodType bloodType = BloodType.Unknown)
    {
        var patient = new Patient
        {
            // Replaced by MedicalRecordNumbers before the insert.
            Mrn = EntityValidator.FormatMrn(0),
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            DateOfBirth = dateOfBirth,
            Sex = sex,
            BloodType = bloodType,
            Phone = PatientInput.Clean(phone),
            Email = PatientInput.Email(email),
            Address = address?.ToEntity(),
            EmergencyContact = emergencyContact?.ToEntity(),
            Insurance = insurance?.ToEntity(),
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        };
        EntityValidator.EnsureValid(patient, patient.RegisteredAt);
        await MedicalRecordNumbers.RegisterAsync(db, patient, cancellationToken);
        return patient;
    }

    [GraphQLDescription("Saves the edit form of a patient. `version` is the patient's version when the form was loaded: if someone changed the patient since, nothing is saved and ConcurrencyError says which fields differ and the current version. A null bloodType keeps the stored one.")]
    [Authorize(Roles = [Roles.Receptionist, Roles.Admin])]
    [Error<NotFoundError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Patient> UpdatePatientAsync(
        [ID<Patient>] int patientId,
        [GraphQLDescription("The patient's version when the form was loaded.")] int version,
        string firstName,
        string lastName,
        DateOnly dateOfBirth,
        Sex sex,
        string? phone,
        string? email,
        AddressInput? address,
        EmergencyContactInput? emergencyContact,
        InsuranceInput? insurance,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        BloodType? bloodType = null,
        bool isDeceased = false,
        DateOnly? dateOfDeath = null)
    {
        var patient = await db.Patients.SingleOrNotFoundAsync(p => p.Id == patientId, "patient", patientId, cancellationToken);
        var form = new Patient
        {
            Mrn = patient.Mrn,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            DateOfBirth = dateOfBirth,
            Sex = sex,
            BloodType = bloodType ?? patient.BloodType,
            Phone = PatientInput.Clean(phone),
            Email = PatientInput.Email(email),
            Address = address?.ToEntity(),
            EmergencyContact = emergencyContact?.ToEntity(),
            Insurance = insurance?.ToEntity(),
            IsDeceased = isDeceased,
            DateOfDeath = isDeceased ? dateOfDeath : null,
        };
        EntityValidator.EnsureValid(form, clock.GetUtcNow().UtcDateTime);
        if (patient.Version != version)
        {
            throw new StaleVersionException("patient", version, patient.Version, PatientChanges.Differences(patient, form));
        }

        if (PatientChanges.Differences(patient, form).Count == 0)
        {
            return patient;
        }

        PatientChanges.Apply(form, patient);
        // An edit of the address alone changes only owned columns: mark the patient itself changed, so its version moves.
        db.Entry(patient).Property(p => p.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: tell the form what they changed, as above.
            var current = await db.Patients.AsNoTracking().SingleOrNotFoundAsync(p => p.Id == patientId, "patient", patientId, cancellationToken);
            throw new StaleVersionException("patient", version, current.Version, PatientChanges.Differences(current, form));
        }

        return patient;
    }

    [GraphQLDescription("Deactivates a patient (registered twice or by mistake, moved away): the record stays, with its history, and can be reactivated.")]
    [Authorize(Roles = [Roles.Receptionist, Roles.Admin])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Patient> DeactivatePatientAsync([ID<Patient>] int patientId, HospitalDbContext db, CancellationToken cancellationToken) =>
        SetActiveAsync(db, patientId, false, cancellationToken);

    [GraphQLDescription("Makes a deactivated patient active again.")]
    [Authorize(Roles = [Roles.Receptionist, Roles.Admin])]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static Task<Patient> ReactivatePatientAsync([ID<Patient>] int patientId, HospitalDbContext db, CancellationToken cancellationToken) =>
        SetActiveAsync(db, patientId, true, cancellationToken);

    private static async Task<Patient> SetActiveAsync(HospitalDbContext db, int patientId, bool active, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrNotFoundAsync(p => p.Id == patientId, "patient", patientId, cancellationToken);
        if (patient.IsActive == active)
        {
            var state = active ? "ACTIVE" : "INACTIVE";
            throw new InvalidStatusTransitionException("Patient", state, state, active ? "the patient is active already" : "the patient is deactivated already");
        }

        patient.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return patient;
    }
}
