using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Patients;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class PatientDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Patient>> GetPatientByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Patient>().AsNoTracking().ByKeysAsync(keys, p => p.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Allergy>> GetAllergiesByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Allergy>().AsNoTracking().OrderByDescending(a => a.Severity).ThenBy(a => a.Substance).GroupedByKeysAsync(keys, a => a.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Condition>> GetConditionsByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Condition>().AsNoTracking().OrderBy(c => c.Status).ThenBy(c => c.IcdCode).GroupedByKeysAsync(keys, c => c.PatientId, cancellationToken);
}
