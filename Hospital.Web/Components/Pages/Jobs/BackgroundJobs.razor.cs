using Hospital.Web.Components.Jobs;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Pages.Jobs;

public sealed partial class BackgroundJobs : IDisposable
{
    private const int PageSize = 25;

    // How long "run now" follows a requested run before leaving it to the next visit: a run waits for an instance that
    // runs jobs, which is seconds unless none does.
    private static readonly TimeSpan FollowFor = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource closing = new();
    private readonly HashSet<string> requested = [];
    private readonly Stack<string?> cursors = new();
    private QueryLoader<IGetJobsResult> jobsLoader = null!;
    private QueryLoader<IGetNotificationsResult> notificationsLoader = null!;
    private IReadOnlyList<IJobRow>? jobs;
    private IReadOnlyList<INotificationRow>? notifications;
    private NotificationStatus? status;
    private int notificationCount;
    private bool hasNextPage;
    private string? endCursor;
    private string? after;

    [Inject]
    private IGetJobsQuery GetJobs { get; set; } = null!;

    [Inject]
    private IRunJobMutation RunJob { get; set; } = null!;

    [Inject]
    private IGetNotificationsQuery GetNotifications { get; set; } = null!;

    [Inject]
    private IRetryNotificationMutation RetryNotification { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        jobsLoader = new(Notifications, "The jobs could not be loaded");
        notificationsLoader = new(Notifications, "The notifications could not be loaded");
        await Task.WhenAll(LoadJobsAsync(), LoadNotificationsAsync(null));
    }

    private async Task LoadJobsAsync()
    {
        if (await jobsLoader.LoadAsync(ct => GetJobs.ExecuteAsync(ct), closing.Token))
        {
            jobs = jobsLoader.Data!.Jobs;
        }
    }

    private async Task LoadNotificationsAsync(string? cursor)
    {
        if (!await notificationsLoader.LoadAsync(ct => GetNotifications.ExecuteAsync(status: status, first: PageSize, after: cursor, cancellationToken: ct), closing.Token))
        {
            return;
        }

        var page = notificationsLoader.Data!.Notifications;
        after = cursor;
        notifications = page.Nodes ?? [];
        notificationCount = page.TotalCount;
        hasNextPage = page.PageInfo.HasNextPage;
        endCursor = page.PageInfo.EndCursor;
    }

    private async Task ApplyAsync()
    {
        cursors.Clear();
        await LoadNotificationsAsync(null);
    }

    private async Task NextAsync()
    {
        cursors.Push(after);
        await LoadNotificationsAsync(endCursor);
    }

    private async Task PreviousAsync() => await LoadNotificationsAsync(cursors.TryPop(out var previous) ? previous : null);

    /// <summary>Asks for a run, then follows the job until the run is in the history, and shows what it wrote.</summary>
    private async Task RunAsync(IJobRow job)
    {
        var title = JobLabels.Title(job.Name);
        requested.Add(job.Name);
        try
        {
            var result = await RunJob.ExecuteAsync(job.Name, closing.Token);
            if (!result.IsSuccess || result.Data!.RunJob.Errors is { Count: > 0 })
            {
                var why = result.IsSuccess ? string.Join(" ", result.Data!.RunJob.Errors!.Select(ErrorText.Message)) : ErrorText.Describe(result.Errors);
                Notifications.Notify(NotificationSeverity.Error, $"{title} could not be started", why, TimeSpan.FromSeconds(8));
                return;
            }

            var deadline = DateTime.UtcNow + FollowFor;
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), closing.Token);
                await LoadJobsAsync();
                if (jobs?.FirstOrDefault(j => j.Name == job.Name) is { Running: false } now && now.RunCount > job.RunCount)
                {
                    requested.Remove(job.Name);
                    Notifications.Notify(now.LastRun?.Status == JobRunOutcome.Failed ? NotificationSeverity.Error : NotificationSeverity.Success,
                        $"{title}: {JobLabels.Of(now.LastRun?.Status ?? JobRunOutcome.Succeeded).ToLowerInvariant()}", now.LastRun?.Error ?? "", TimeSpan.FromSeconds(5));
                    await LoadNotificationsAsync(after);
                    return;
                }

                StateHasChanged();
            }

            Notifications.Notify(NotificationSeverity.Warning, $"{title} has not run yet", "No instance has picked the run up yet: is any instance running jobs (Hospital:Jobs:Enabled)?", TimeSpan.FromSeconds(8));
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // The page was left.
        }
        finally
        {
            requested.Remove(job.Name);
        }
    }

    private async Task RetryAsync(INotificationRow notification)
    {
        var result = await RetryNotification.ExecuteAsync(notification.Id, closing.Token);
        if (!result.IsSuccess || result.Data!.RetryNotification.Errors is { Count: > 0 })
        {
            var why = result.IsSuccess ? string.Join(" ", result.Data!.RetryNotification.Errors!.Select(ErrorText.Message)) : ErrorText.Describe(result.Errors);
            Notifications.Notify(NotificationSeverity.Error, "The notification was not retried", why, TimeSpan.FromSeconds(8));
            return;
        }

        Notifications.Notify(NotificationSeverity.Success, $"The notification to {notification.Recipient} will be sent again", duration: 4000);
        await LoadNotificationsAsync(after);
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
