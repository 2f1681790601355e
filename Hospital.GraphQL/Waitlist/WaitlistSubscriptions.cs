using Gql.Server.Subscriptions;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;

namespace Hospital.GraphQL.Waitlist;

[SubscriptionType]
[Authorize(Roles = [Access.Appointments])]
public static class WaitlistSubscriptions
{
    [GraphQLDescription("A waitlist entry was added, offered a freed slot, booked, declined or removed, by anyone on any instance; `offeredOnly` narrows it to entries that now hold an offer.")]
    [Subscribe(With = nameof(WaitlistChanges))]
    public static Task<WaitlistEntry> WaitlistChanged([EventMessage] ChangeMessage change, [Service] ChangeLoader<WaitlistEntry> entries) => entries.EntityAsync(change);

    public static IAsyncEnumerable<ChangeMessage> WaitlistChanges([Service] ITopicEventReceiver events, [Service] ChangeLoader<WaitlistEntry> entries, CancellationToken cancellationToken, bool offeredOnly = false) =>
        LiveEvents.ReadAsync(events, ChangeTopics.WaitlistChanged.Channel(), entries, e => !offeredOnly || e.Status == WaitlistStatus.Offered, cancellationToken);
}
