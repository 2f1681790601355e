using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

public sealed class WardByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Ward>(db, w => w.Id);

public sealed class BedByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Bed>(db, b => b.Id);

public sealed class AdmissionByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Admission>(db, a => a.Id);

public sealed class WardsByDepartmentIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Ward>(db, w => w.DepartmentId, q => q.OrderBy(w => w.Name));

public sealed class BedsByWardIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Bed>(db, b => b.WardId, q => q.OrderBy(b => b.Label));

public sealed class NursesByWardIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Nurse>(db, n => n.WardId!.Value, q => q.OrderBy(n => n.LastName).ThenBy(n => n.Id));

public sealed class AdmissionsByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Admission>(db, a => a.PatientId, q => q.OrderByDescending(a => a.AdmittedAt).ThenBy(a => a.Id));

public sealed class AdmissionsByBedIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Admission>(db, a => a.BedId, q => q.OrderByDescending(a => a.AdmittedAt).ThenBy(a => a.Id));

/// <summary>The one active admission of each bed, if any.</summary>
public sealed class ActiveAdmissionByBedIdDataLoader(IDbContextFactory<HospitalDbContext> factory) : Gql.Server.DataLoaders.BatchDataLoader<int, Admission>
{
    protected override async Task<IReadOnlyDictionary<int, Admission>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Admissions.AsNoTracking().Where(a => keys.Contains(a.BedId) && a.DischargedAt == null).ToDictionaryAsync(a => a.BedId, cancellationToken);
    }
}
