using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Encounters;

public sealed class EncounterByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Encounter>(db, e => e.Id);

public sealed class EncounterByAppointmentIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Encounter>(db, e => e.AppointmentId!.Value);

public sealed class EncountersByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Encounter>(db, e => e.PatientId, q => q.OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id));

public sealed class DiagnosesByEncounterIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Diagnosis>(db, d => d.EncounterId, q => q.OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id));

public sealed class VitalsByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<VitalSigns>(db, v => v.PatientId, q => q.OrderByDescending(v => v.RecordedAt).ThenBy(v => v.Id));

public sealed class VitalsByEncounterIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<VitalSigns>(db, v => v.EncounterId!.Value, q => q.OrderBy(v => v.RecordedAt).ThenBy(v => v.Id));

public sealed class PrescriptionsByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Prescription>(db, p => p.PatientId, q => q.OrderByDescending(p => p.PrescribedAt).ThenBy(p => p.Id));

public sealed class PrescriptionsByEncounterIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Prescription>(db, p => p.EncounterId!.Value, q => q.OrderBy(p => p.Id));
