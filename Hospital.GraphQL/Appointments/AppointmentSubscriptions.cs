using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;

namespace Hospital.GraphQL.Appointments;

[SubscriptionType]
[Authorize(Roles = [Access.Appointments])]
public static class AppointmentSubscriptions
{
    [GraphQLDescription("An appointment was booked or changed (checked in, started, completed, cancelled, rescheduled), by anyone on any instance. `doctorId`, `departmentId` or `patientId` narrow it to one doctor's, one department's or one patient's appointments.")]
    [Subscribe(With = nameof(AppointmentChanges))]
    public static Task<Appointment> AppointmentChanged([EventMessage] ChangeMessage change, [Service] ChangeLoader<Appointment> appointments) =>
        appointments.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> AppointmentChanges(
        [ID<Doctor>] int? doctorId,
        [ID<Department>] int? departmentId,
        [ID<Patient>] int? patientId,
        [Service] ITopicEventReceiver events,
        [Service] ChangeLoader<Appointment> appointments,
        CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(
            events,
            ChangeTopics.AppointmentChanged.Channel(("patient", patientId), ("doctor", doctorId)),
            appointments,
            a => (doctorId == null || a.DoctorId == doctorId) && (patientId == null || a.PatientId == patientId) && (departmentId == null || a.Doctor!.DepartmentId == departmentId),
            cancellationToken);
}
