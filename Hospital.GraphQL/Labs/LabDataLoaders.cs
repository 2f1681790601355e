using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

public sealed class LabOrderByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<LabOrder>(db, o => o.Id);

public sealed class LabOrdersByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<LabOrder>(db, o => o.PatientId, q => q.OrderByDescending(o => o.OrderedAt).ThenBy(o => o.Id));

public sealed class LabOrdersByEncounterIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<LabOrder>(db, o => o.EncounterId!.Value, q => q.OrderBy(o => o.OrderedAt).ThenBy(o => o.Id));

public sealed class LabResultsByLabOrderIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<LabResult>(db, r => r.LabOrderId, q => q.OrderBy(r => r.Id));

public sealed class LabNotesByLabOrderIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<LabNote>(db, n => n.LabOrderId, q => q.OrderBy(n => n.WrittenAt).ThenBy(n => n.Id));
