using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

[QueryType]
[Authorize(Roles = [Access.Appointments])]
public static class AppointmentQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Appointments that overlap [from, to) (both optional), in start order; `doctorId`/`patientId` narrow to one person, `where` and `order` do the rest.")]
    public static IQueryable<Appointment> GetAppointments(HospitalDbContext db, DateTime? from, DateTime? to, [ID<Doctor>] int? doctorId, [ID<Patient>] int? patientId)
    {
        var start = from?.ToUniversalTime();
        var end = to?.ToUniversalTime();
        return db.Appointments.AsNoTracking()
            .Where(a => (start == null || a.EndsAt > start) && (end == null || a.StartsAt < end))
            .Where(a => (doctorId == null || a.DoctorId == doctorId) && (patientId == null || a.PatientId == patientId))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
    }

    public static Task<Appointment?> GetAppointmentAsync([ID<Appointment>] int id, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        appointments.LoadAsync(id, cancellationToken);
}
