using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;

namespace Hospital.GraphQL.Labs;

[SubscriptionType]
[Authorize(Roles = [Access.Clinical])]
public static class LabSubscriptions
{
    [GraphQLDescription("A lab order was placed or moved along (collected, resulted, cancelled). `patientId` narrows it to one patient.")]
    [Subscribe(With = nameof(LabOrderChanges))]
    public static Task<LabOrder> LabOrderChanged([EventMessage] ChangeMessage change, [Service] ChangeLoader<LabOrder> orders) => orders.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> LabOrderChanges([ID<Patient>] int? patientId, [Service] ITopicEventReceiver events, [Service] ChangeLoader<LabOrder> orders, CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, ChangeTopics.LabOrderChanged.Channel(("patient", patientId)), orders, o => patientId == null || o.PatientId == patientId, cancellationToken);

    [GraphQLDescription("A new lab result was recorded. `patientId` narrows it to one patient, `orderedById` to the orders of one doctor (their alerts); `abnormalOnly` to results flagged outside the reference range, `criticalOnly` to critical ones.")]
    [Subscribe(With = nameof(LabResultAdditions))]
    public static Task<LabResult> LabResultAdded([EventMessage] ChangeMessage change, [Service] ChangeLoader<LabResult> results) => results.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> LabResultAdditions(
        [ID<Patient>] int? patientId,
        [ID<Doctor>] int? orderedById,
        [Service] ITopicEventReceiver events,
        [Service] ChangeLoader<LabResult> results,
        CancellationToken cancellationToken,
        bool abnormalOnly = false,
        bool criticalOnly = false) =>
        LiveEvents.ReadAsync(
            events,
            ChangeTopics.LabResultAdded.Channel(),
            results,
            r => (patientId == null || r.LabOrder!.PatientId == patientId) && (orderedById == null || r.LabOrder!.OrderedById == orderedById)
                && (!abnormalOnly || r.Flag != ResultFlag.Normal) && (!criticalOnly || r.Flag == ResultFlag.Critical),
            cancellationToken);

    [GraphQLDescription("A note was written on a lab order. `patientId` narrows it to one patient.")]
    [Subscribe(With = nameof(LabNoteAdditions))]
    public static Task<LabNote> LabNoteAdded([EventMessage] ChangeMessage change, [Service] ChangeLoader<LabNote> notes) => notes.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> LabNoteAdditions([ID<Patient>] int? patientId, [Service] ITopicEventReceiver events, [Service] ChangeLoader<LabNote> notes, CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, ChangeTopics.LabNoteAdded.Channel(), notes, n => patientId == null || n.LabOrder!.PatientId == patientId, cancellationToken);
}
