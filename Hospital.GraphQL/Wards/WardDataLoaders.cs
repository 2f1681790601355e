using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class WardDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Ward>> GetWardByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Ward>().AsNoTracking().ByKeysAsync(keys, w => w.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Bed>> GetBedByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Bed>().AsNoTracking().ByKeysAsync(keys, b => b.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Admission>> GetAdmissionByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Admission>().AsNoTracking().ByKeysAsync(keys, a => a.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Ward>> GetWardsByDepartmentIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Ward>().AsNoTracking().OrderBy(w => w.Name).GroupedByKeysAsync(keys, w => w.DepartmentId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Bed>> GetBedsByWardIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Bed>().AsNoTracking().OrderBy(b => b.Label).GroupedByKeysAsync(keys, b => b.WardId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Nurse>> GetNursesByWardIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Nurse>().AsNoTracking().OrderBy(n => n.LastName).ThenBy(n => n.Id).GroupedByKeysAsync(keys, n => n.WardId!.Value, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Admission>> GetAdmissionsByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Admission>().AsNoTracking().OrderByDescending(a => a.AdmittedAt).ThenBy(a => a.Id).GroupedByKeysAsync(keys, a => a.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Admission>> GetAdmissionsByBedIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Admission>().AsNoTracking().OrderByDescending(a => a.AdmittedAt).ThenBy(a => a.Id).GroupedByKeysAsync(keys, a => a.BedId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, BedTransfer>> GetBedTransfersByAdmissionIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.BedTransfers.AsNoTracking().OrderBy(t => t.TransferredAt).ThenBy(t => t.Id).GroupedByKeysAsync(keys, t => t.AdmissionId, cancellationToken);

    /// <summary>The one active admission of each bed, if any.</summary>
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Admission>> GetActiveAdmissionByBedIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Admissions.AsNoTracking().Where(a => a.DischargedAt == null).ByKeysAsync(keys, a => a.BedId, cancellationToken);
}
