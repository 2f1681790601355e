using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Jobs;

[MutationType]
[Authorize(Roles = [Access.Jobs])]
public static class JobMutations
{
    [GraphQLDescription("Runs a background job now (\"run now\"), on whichever instance runs jobs, once. The run shows in `jobs` when it finished.")]
    [Error<NotFoundError>]
    public static Task<BackgroundJob> RunJobAsync([GraphQLDescription("The job's name, as `jobs` lists it.")] string name, JobBoard board, CancellationToken cancellationToken) =>
        board.RunAsync(name, cancellationToken);

    [GraphQLDescription("Sends a failed notification again at the next sender run, with a fresh count of attempts.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    public static async Task<Notification> RetryNotificationAsync([ID<Notification>] int notificationId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrNotFoundAsync(n => n.Id == notificationId, "notification", notificationId, cancellationToken);
        if (notification.Status != NotificationStatus.Failed)
        {
            throw new InvalidStatusTransitionException("Notification", notification.Status.ToString(), nameof(NotificationStatus.Pending), "only a failed notification is retried");
        }

        notification.Status = NotificationStatus.Pending;
        notification.Attempts = 0;
        notification.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }
}
