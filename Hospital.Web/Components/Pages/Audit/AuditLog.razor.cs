using Hospital.Web.Components.Audit;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Pages.Audit;

public sealed partial class AuditLog
{
    private const int PageSize = 50;

    private readonly AuditFilter filter = new();
    private readonly Stack<string?> cursors = new();
    private QueryLoader<IGetAuditLogResult> loader = null!;
    private IReadOnlyList<IAuditRow>? entries;
    private int totalCount;
    private bool hasNextPage;
    private string? endCursor;
    private string? after;
    private string? filterProblem;
    private AuditQuery applied = AuditQuery.All;

    [Inject]
    private IGetAuditLogQuery GetAuditLog { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    private bool Loading => loader.Loading || (entries is null && loader.Error is null);

    private string? Error => loader.Error;

    private string ExportHref => "audit/export.csv" + applied.QueryString(Time);

    protected override Task OnInitializedAsync()
    {
        loader = new(Notifications, "The audit log could not be loaded");
        return LoadAsync(null);
    }

    private async Task ApplyAsync()
    {
        if (filter.Parse() is not { } query)
        {
            filterProblem = "The patient number is a whole number, and the range must end after it starts.";
            return;
        }

        filterProblem = null;
        applied = query;
        cursors.Clear();
        await LoadAsync(null);
    }

    private async Task NextAsync()
    {
        cursors.Push(after);
        await LoadAsync(endCursor);
    }

    private async Task PreviousAsync() => await LoadAsync(cursors.TryPop(out var previous) ? previous : null);

    private async Task LoadAsync(string? cursor)
    {
        var query = applied;
        var (from, to) = query.Range(Time);
        if (!await loader.LoadAsync(ct => GetAuditLog.ExecuteAsync(patientId: query.PatientId, action: query.Action, from: from, to: to, where: query.Where, first: PageSize, after: cursor, cancellationToken: ct)))
        {
            return;
        }

        var page = loader.Data!.AuditEntries;
        after = cursor;
        entries = page.Nodes ?? [];
        totalCount = page.TotalCount;
        hasNextPage = page.PageInfo.HasNextPage;
        endCursor = page.PageInfo.EndCursor;
    }
}
