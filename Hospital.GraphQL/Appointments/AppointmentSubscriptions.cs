using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Appointments;

[SubscriptionType]
public static class AppointmentSubscriptions
{
    [GraphQLDescription("An appointment was booked or changed (checked in, started, completed, cancelled, rescheduled), by anyone on any instance. `doctorId` or `departmentId` narrow it to one doctor's or one department's appointments.")]
    public static IAsyncEnumerable<Appointment> AppointmentChanged(
        [ID<Doctor>] int? doctorId,
        [ID<Department>] int? departmentId,
        [Service] ITopicEventReceiver events,
        [Service] IDbContextFactory<HospitalDbContext> factory,
        CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, LiveEvents.Topic(OutboxTopics.AppointmentChanged, "doctor", doctorId), async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Appointments.AsNoTracking()
                .Where(a => a.Id == id && (departmentId == null || a.Doctor!.DepartmentId == departmentId))
                .FirstOrDefaultAsync(ct);
        }, cancellationToken);
}
