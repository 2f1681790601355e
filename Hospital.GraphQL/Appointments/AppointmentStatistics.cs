using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

[QueryType]
[Authorize(Roles = [Access.Statistics])]
public static class AppointmentStatisticsQueries
{
    [GraphQLDescription("How many appointments overlap [from, to), in all and by status (every status, zeros included), counted by the database in one query. `doctorId` or `departmentId` narrow it.")]
    public static async Task<AppointmentStatistics> GetAppointmentStatisticsAsync(
        DateTime from,
        DateTime to,
        [ID<Doctor>] int? doctorId,
        [ID<Department>] int? departmentId,
        HospitalDbContext db,
        CancellationToken cancellationToken)
    {
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        var counts = await db.Appointments.AsNoTracking()
            .Where(a => a.EndsAt > start && a.StartsAt < end)
            .Where(a => (doctorId == null || a.DoctorId == doctorId) && (departmentId == null || a.Doctor!.DepartmentId == departmentId))
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new AppointmentStatistics(
            counts.Values.Sum(),
            Enum.GetValues<AppointmentStatus>().Select(s => new AppointmentStatusCount(s, counts.GetValueOrDefault(s))).ToList());
    }
}

[GraphQLDescription("Appointment counts of a period.")]
[Authorize(Roles = [Access.Statistics])]
public sealed record AppointmentStatistics(
    [property: GraphQLDescription("All appointments of the period, whatever their status.")] int Total,
    [property: GraphQLDescription("One entry per status, in life-cycle order.")] IReadOnlyList<AppointmentStatusCount> ByStatus);

[Authorize(Roles = [Access.Statistics])]
public sealed record AppointmentStatusCount(AppointmentStatus Status, int Count);
