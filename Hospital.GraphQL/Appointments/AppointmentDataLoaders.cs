using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class AppointmentDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Appointment>> GetAppointmentByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Appointment>().AsNoTracking().ByKeysAsync(keys, a => a.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Appointment>> GetAppointmentsByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, Projection<Appointment> projection, CancellationToken cancellationToken) =>
        db.Set<Appointment>().AsNoTracking().OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).GroupedByKeysAsync(keys, a => a.PatientId, projection, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Appointment>> GetAppointmentsByDoctorIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Appointment>().AsNoTracking().OrderBy(a => a.StartsAt).ThenBy(a => a.Id).GroupedByKeysAsync(keys, a => a.DoctorId, cancellationToken);
}
