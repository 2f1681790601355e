using Gql.Data;
using Gql.Server.DataLoaders;
using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Data;
using Hospital.GraphQL.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Jobs;

[ObjectType<Notification>]
[Authorize(Roles = [Access.Jobs])]
[GraphQLDescription("A message in the notification outbox: written once (one reminder per appointment), then sent by the sender job with retries. `attempts`, `lastError` and `nextAttemptAt` say how sending went.")]
public static class NotificationType
{
    public static void Configure(ObjectTypeConfiguration<Notification> type) => type
        .Ignore(n => n.PatientId).Ignore(n => n.AppointmentId).Ignore(n => n.ClaimedBy).Ignore(n => n.LeaseUntil);

    public static void ConfigureFiltering(FilterConfiguration<Notification> filter) => filter.BindFieldsExplicitly()
        .Field(n => n.Status).Field(n => n.Kind).Field(n => n.CreatedAt).Field(n => n.SentAt).Field(n => n.Recipient);

    public static void ConfigureSorting(SortConfiguration<Notification> sort) => sort.BindFieldsExplicitly()
        .Field(n => n.CreatedAt).Field(n => n.SentAt).Field(n => n.Status).Field(n => n.Attempts);

    [NodeResolver]
    public static Task<Notification?> GetNotificationByIdAsync(int id, NotificationByIdDataLoader notifications, CancellationToken cancellationToken) => notifications.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] Notification notification, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(notification.PatientId, cancellationToken))!;

    public static async Task<Appointment> GetAppointmentAsync([Parent] Notification notification, AppointmentByIdDataLoader appointments, CancellationToken cancellationToken) =>
        (await appointments.LoadAsync(notification.AppointmentId, cancellationToken))!;
}

public static class NotificationDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Notification>> GetNotificationByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking().ByKeysAsync(keys, n => n.Id, cancellationToken);
}
