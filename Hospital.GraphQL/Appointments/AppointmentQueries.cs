using Gql.Server.Projections;
using Gql.Server.Data;
using Gql.Server.Relay;
using Gql.Server.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

[QueryType]
public static class AppointmentQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Appointments that overlap [from, to), in start order; both bounds are optional.")]
    public static IQueryable<Appointment> GetAppointments(HospitalDbContext db, DateTime? from, DateTime? to, [ID<Doctor>] int? doctorId, AppointmentStatus? status)
    {
        var query = db.Appointments.AsNoTracking();
        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            query = query.Where(a => a.EndsAt > utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            query = query.Where(a => a.StartsAt < utc);
        }

        if (doctorId is { } doctor)
        {
            query = query.Where(a => a.DoctorId == doctor);
        }

        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        return query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
    }

    public static Task<Appointment?> GetAppointmentAsync([ID<Appointment>] int id, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        appointments.LoadAsync(id, cancellationToken);
}
