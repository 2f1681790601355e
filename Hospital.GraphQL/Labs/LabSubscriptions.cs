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

    [GraphQLDescription("A new lab result was recorded. `patientId` narrows it to one patient; `abnormalOnly` to results flagged outside the reference range.")]
    [Subscribe(With = nameof(LabResultAdditions))]
    public static Task<LabResult> LabResultAdded([EventMessage] ChangeMessage change, [Service] ChangeLoader<LabResult> results) => results.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> LabResultAdditions(
        [ID<Patient>] int? patientId,
        [Service] ITopicEventReceiver events,
        [Service] ChangeLoader<LabResult> results,
        CancellationToken cancellationToken,
        bool abnormalOnly = false) =>
        LiveEvents.ReadAsync(
            events,
            ChangeTopics.LabResultAdded.Channel(),
            results,
            r => (patientId == null || r.LabOrder!.PatientId == patientId) && (!abnormalOnly || r.Flag != ResultFlag.Normal),
            cancellationToken);

    [GraphQLDescription("A note was written on a lab order. `patientId` narrows it to one patient.")]
    [Subscribe(With = nameof(LabNoteAdditions))]
    public static Task<LabNote> LabNoteAdded([EventMessage] ChangeMessage change, [Service] ChangeLoader<LabNote> notes) => notes.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> LabNoteAdditions([ID<Patient>] int? patientId, [Service] ITopicEventReceiver events, [Service] ChangeLoader<LabNote> notes, CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, ChangeTopics.LabNoteAdded.Channel(), notes, n => patientId == null || n.LabOrder!.PatientId == patientId, cancellationToken);
}
