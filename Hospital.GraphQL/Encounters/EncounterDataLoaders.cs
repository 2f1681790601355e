using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Encounters;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class EncounterDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Encounter>> GetEncounterByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Encounter>().AsNoTracking().ByKeysAsync(keys, e => e.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Encounter>> GetEncounterByAppointmentIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Encounter>().AsNoTracking().ByKeysAsync(keys, e => e.AppointmentId!.Value, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Encounter>> GetEncountersByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Encounter>().AsNoTracking().OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id).GroupedByKeysAsync(keys, e => e.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Diagnosis>> GetDiagnosesByEncounterIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Diagnosis>().AsNoTracking().OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id).GroupedByKeysAsync(keys, d => d.EncounterId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, VitalSigns>> GetVitalsByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<VitalSigns>().AsNoTracking().OrderByDescending(v => v.RecordedAt).ThenBy(v => v.Id).GroupedByKeysAsync(keys, v => v.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, VitalSigns>> GetVitalsByEncounterIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<VitalSigns>().AsNoTracking().OrderBy(v => v.RecordedAt).ThenBy(v => v.Id).GroupedByKeysAsync(keys, v => v.EncounterId!.Value, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Prescription>> GetPrescriptionsByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Prescription>().AsNoTracking().OrderByDescending(p => p.PrescribedAt).ThenBy(p => p.Id).GroupedByKeysAsync(keys, p => p.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Prescription>> GetPrescriptionsByEncounterIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Prescription>().AsNoTracking().OrderBy(p => p.Id).GroupedByKeysAsync(keys, p => p.EncounterId!.Value, cancellationToken);
}
