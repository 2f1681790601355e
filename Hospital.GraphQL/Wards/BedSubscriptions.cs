using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

[SubscriptionType]
public static class BedSubscriptions
{
    [GraphQLDescription("A bed changed status or occupant (admission, discharge, cleaning, out of service). `wardId` narrows it to one ward.")]
    public static IAsyncEnumerable<Bed> BedChanged(
        [ID<Ward>] int? wardId,
        [Service] ITopicEventReceiver events,
        [Service] IDbContextFactory<HospitalDbContext> factory,
        CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, OutboxTopics.BedChanged, async (id, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Beds.AsNoTracking().Where(b => b.Id == id && (wardId == null || b.WardId == wardId)).FirstOrDefaultAsync(ct);
        }, cancellationToken);
}
