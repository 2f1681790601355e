using Gql.Data;
using Gql.Data.Projections;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Staff;

[QueryType]
[Authorize(Roles = [Access.StaffDirectory])]
public static class StaffQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 200)]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Everyone employed by the hospital, by role and name.")]
    public static IQueryable<StaffMember> GetStaff(HospitalDbContext db) =>
        db.Staff.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.LastName).ThenBy(s => s.Id);

    public static Task<StaffMember?> GetStaffMemberAsync([ID] int id, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) =>
        staff.LoadAsync(id, cancellationToken);

    [UsePaging(DefaultPageSize = 50, MaxPageSize = 200)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<Doctor> GetDoctors(HospitalDbContext db) =>
        db.Doctors.AsNoTracking().OrderBy(d => d.LastName).ThenBy(d => d.FirstName).ThenBy(d => d.Id);

    public static Task<Doctor?> GetDoctorAsync([ID<Doctor>] int id, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
        doctors.LoadAsync(id, cancellationToken);

    public static IQueryable<Department> GetDepartments(HospitalDbContext db) => db.Departments.AsNoTracking().OrderBy(d => d.Name);

    public static Task<Department?> GetDepartmentAsync([ID<Department>] int id, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) =>
        departments.LoadAsync(id, cancellationToken);

    public static IQueryable<Specialty> GetSpecialties(HospitalDbContext db) => db.Specialties.AsNoTracking().OrderBy(s => s.Name);
}
