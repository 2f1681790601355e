using Gql.Server.Relay;
using Gql.Server.Subscriptions;
using Hospital.Data.Entities;
using Hospital.Data.Outbox;
using Hospital.GraphQL.Live;

namespace Hospital.GraphQL.Wards;

[SubscriptionType]
[Authorize(Roles = [Access.Wards])]
public static class BedSubscriptions
{
    [GraphQLDescription("A bed changed status or occupant (admission, discharge, cleaning, out of service). `wardId` narrows it to one ward.")]
    [Subscribe(With = nameof(BedChanges))]
    public static Task<Bed> BedChanged([EventMessage] ChangeMessage change, [Service] ChangeLoader<Bed> beds) => beds.EntityAsync(change);

    // Admissions announce their bed without its ward (they do not load it), so the ward is checked on the bed itself.
    public static IAsyncEnumerable<ChangeMessage> BedChanges([ID<Ward>] int? wardId, [Service] ITopicEventReceiver events, [Service] ChangeLoader<Bed> beds, CancellationToken cancellationToken) =>
        LiveEvents.ReadAsync(events, ChangeTopics.BedChanged.Channel(), beds, b => wardId == null || b.WardId == wardId, cancellationToken);
}
