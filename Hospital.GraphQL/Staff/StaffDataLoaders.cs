using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Staff;

public sealed class StaffMemberByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<StaffMember>(db, s => s.Id);

public sealed class DoctorByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Doctor>(db, d => d.Id);

public sealed class DepartmentByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Department>(db, d => d.Id);

public sealed class SpecialtyByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Specialty>(db, s => s.Id);

public sealed class StaffByDepartmentIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<StaffMember>(db, s => s.DepartmentId!.Value, q => q.OrderBy(s => s.Kind).ThenBy(s => s.LastName).ThenBy(s => s.Id));

public sealed class DoctorsBySpecialtyIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Doctor>(db, d => d.SpecialtyId, q => q.OrderBy(d => d.LastName).ThenBy(d => d.Id));

public sealed class WorkingHoursByDoctorIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<WorkingHours>(db, h => h.DoctorId, q => q.OrderBy(h => h.DayOfWeek).ThenBy(h => h.StartTime));

public sealed class TimeOffByDoctorIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<TimeOff>(db, t => t.DoctorId, q => q.OrderBy(t => t.StartsAt));
