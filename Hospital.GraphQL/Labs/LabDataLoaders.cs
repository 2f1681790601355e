using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class LabDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, LabOrder>> GetLabOrderByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<LabOrder>().AsNoTracking().ByKeysAsync(keys, o => o.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, LabOrder>> GetLabOrdersByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<LabOrder>().AsNoTracking().OrderByDescending(o => o.OrderedAt).ThenBy(o => o.Id).GroupedByKeysAsync(keys, o => o.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, LabOrder>> GetLabOrdersByEncounterIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<LabOrder>().AsNoTracking().OrderBy(o => o.OrderedAt).ThenBy(o => o.Id).GroupedByKeysAsync(keys, o => o.EncounterId!.Value, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, LabResult>> GetLabResultsByLabOrderIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<LabResult>().AsNoTracking().OrderBy(r => r.Id).GroupedByKeysAsync(keys, r => r.LabOrderId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, LabNote>> GetLabNotesByLabOrderIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<LabNote>().AsNoTracking().OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).GroupedByKeysAsync(keys, n => n.LabOrderId, cancellationToken);
}
