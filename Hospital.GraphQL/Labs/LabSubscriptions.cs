using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

[SubscriptionType]
public static class LabSubscriptions
{
    [GraphQLDescription("A lab order was placed or moved along (collected, resulted, cancelled). `patientId` narrows it to one patient.")]
    public static IAsyncEnumerable<LabOrder> LabOrderChanged(
        [ID<Patient>] int? patientId,
        [Service] ITopicEventReceiver events,
        [Service] IDbContextFactory<HospitalDbContext> factory,
        CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, LiveEvents.Topic(OutboxTopics.LabOrderChanged, "patient", patientId), async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.LabOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        }, cancellationToken);

    [GraphQLDescription("A new lab result was recorded. `patientId` narrows it to one patient; `abnormalOnly` to results flagged outside the reference range.")]
    public static IAsyncEnumerable<LabResult> LabResultAdded(
        [ID<Patient>] int? patientId,
        [Service] ITopicEventReceiver events,
        [Service] IDbContextFactory<HospitalDbContext> factory,
        CancellationToken cancellationToken,
        bool abnormalOnly = false) =>
        LiveEvents.ReadAsync(events, OutboxTopics.LabResultAdded, async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.LabResults.AsNoTracking()
                .Where(r => r.Id == id && (patientId == null || r.LabOrder!.PatientId == patientId) && (!abnormalOnly || r.Flag != ResultFlag.Normal))
                .FirstOrDefaultAsync(ct);
        }, cancellationToken);

    [GraphQLDescription("A note was written on a lab order. `patientId` narrows it to one patient.")]
    public static IAsyncEnumerable<LabNote> LabNoteAdded(
        [ID<Patient>] int? patientId,
        [Service] ITopicEventReceiver events,
        [Service] IDbContextFactory<HospitalDbContext> factory,
        CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, OutboxTopics.LabNoteAdded, async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.LabNotes.AsNoTracking().Where(n => n.Id == id && (patientId == null || n.LabOrder!.PatientId == patientId)).FirstOrDefaultAsync(ct);
        }, cancellationToken);
}
