using Gql.Data;
using Gql.Data.Paging;
using Gql.Data.Projections;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Jobs;

[QueryType]
[Authorize(Roles = [Access.Jobs])]
public static class JobQueries
{
    [GraphQLDescription("The background jobs: schedule, next run, whether one runs now, the latest runs (from every instance).")]
    public static Task<IReadOnlyList<BackgroundJob>> GetJobsAsync(JobBoard board, CancellationToken cancellationToken) => board.ListAsync(cancellationToken);

    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("The notification outbox (appointment reminders by email), newest first; `status` narrows it to PENDING, SENDING, SENT or FAILED.")]
    public static IQueryable<Notification> GetNotifications(HospitalDbContext db, NotificationStatus? status)
    {
        var notifications = db.Notifications.AsNoTracking();
        if (status is { } wanted)
        {
            notifications = notifications.Where(n => n.Status == wanted);
        }

        return notifications.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);
    }
}
