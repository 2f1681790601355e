using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

public sealed class AppointmentByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Appointment>(db, a => a.Id);

public sealed class AppointmentsByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Appointment>(db, a => a.PatientId, q => q.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id));

public sealed class AppointmentsByDoctorIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Appointment>(db, a => a.DoctorId, q => q.OrderBy(a => a.StartsAt).ThenBy(a => a.Id));
