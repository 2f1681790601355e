using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Staff;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class StaffDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, StaffMember>> GetStaffMemberByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<StaffMember>().AsNoTracking().ByKeysAsync(keys, s => s.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Doctor>> GetDoctorByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Doctor>().AsNoTracking().ByKeysAsync(keys, d => d.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Department>> GetDepartmentByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Department>().AsNoTracking().ByKeysAsync(keys, d => d.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Specialty>> GetSpecialtyByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Specialty>().AsNoTracking().ByKeysAsync(keys, s => s.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, StaffMember>> GetStaffByDepartmentIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<StaffMember>().AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.LastName).ThenBy(s => s.Id).GroupedByKeysAsync(keys, s => s.DepartmentId!.Value, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Doctor>> GetDoctorsBySpecialtyIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Doctor>().AsNoTracking().OrderBy(d => d.LastName).ThenBy(d => d.Id).GroupedByKeysAsync(keys, d => d.SpecialtyId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, WorkingHours>> GetWorkingHoursByDoctorIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<WorkingHours>().AsNoTracking().OrderBy(h => h.DayOfWeek).ThenBy(h => h.StartTime).GroupedByKeysAsync(keys, h => h.DoctorId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, TimeOff>> GetTimeOffByDoctorIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<TimeOff>().AsNoTracking().OrderBy(t => t.StartsAt).GroupedByKeysAsync(keys, t => t.DoctorId, cancellationToken);
}
