using Gql.Data;
using Gql.Data.Paging;
using Gql.Data.Projections;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Waitlist;

[QueryType]
[Authorize(Roles = [Access.Appointments])]
public static class WaitlistQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("The waitlist in line order (first joined first). Without `status` the open entries (WAITING and OFFERED); `doctorId`/`departmentId` narrow to who waits for one doctor or department, `patientId` to one patient's entries.")]
    public static IQueryable<WaitlistEntry> GetWaitlist(
        HospitalDbContext db,
        IReadOnlyList<WaitlistStatus>? status,
        [ID<Doctor>] int? doctorId,
        [ID<Department>] int? departmentId,
        [ID<Patient>] int? patientId)
    {
        IReadOnlyList<WaitlistStatus> statuses = status is { Count: > 0 } ? status : [WaitlistStatus.Waiting, WaitlistStatus.Offered];
        return db.WaitlistEntries.AsNoTracking()
            .Where(e => statuses.Contains(e.Status))
            .Where(e => (doctorId == null || e.DoctorId == doctorId || e.OfferedDoctorId == doctorId) && (departmentId == null || e.DepartmentId == departmentId || (e.Doctor != null && e.Doctor.DepartmentId == departmentId)))
            .Where(e => patientId == null || e.PatientId == patientId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);
    }
}
