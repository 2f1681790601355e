using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Patients;

public sealed class PatientByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Patient>(db, p => p.Id);

public sealed class AllergiesByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Allergy>(db, a => a.PatientId, q => q.OrderByDescending(a => a.Severity).ThenBy(a => a.Substance));

public sealed class ConditionsByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Condition>(db, c => c.PatientId, q => q.OrderBy(c => c.Status).ThenBy(c => c.IcdCode));
