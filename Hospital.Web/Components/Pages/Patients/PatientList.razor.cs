using System.Text.Json;
using Gql.Client;
using Hospital.Web.Components.Loading;
using Hospital.Web.Components.Patients;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace Hospital.Web.Components.Pages.Patients;

public sealed partial class PatientList : IDisposable
{
    public const int PageSize = 20;
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(300);

    private readonly CursorPages pages = new();
    private readonly CancellationTokenSource disposed = new();
    private RadzenDataGrid<IPatientRow>? grid;
    // Null until the first load: the grid asks LoadData for data only while Data is null. The page loads the first
    // page itself (in the prerender, or takes the prerender's), so the grid starts with rows.
    private IReadOnlyList<IPatientRow>? rows;
    private int? count;
    private QueryLoader<ISearchPatientsResult> loader = null!;
    private string search = "";
    private string sexFilter = "";
    private AgeGroup ageFilter = AgeGroup.All;
    private string loadedSearch = "";
    private string loadedFilters = "|All";
    private CancellationTokenSource? pendingSearch;

    [Inject]
    private ISearchPatientsQuery SearchPatients { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>The first page's JSON as the prerender loaded it, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? Prerendered { get; set; }

    private bool Loading => rows is null || loader.Loading;

    private string? Error => loader.Error;

    protected override void OnInitialized() => loader = new(Notifications, "Patients could not be loaded");

    // ?q= comes from the app bar's search; a new one while on this page reloads the grid.
    protected override async Task OnParametersSetAsync()
    {
        var query = Query?.Trim() ?? "";
        if (rows is null)
        {
            search = query;
            if (loader.Restore(Prerendered, SearchPatientsResultReader.Read))
            {
                pages.Reset(PagesKey(search, null));
                Show(loader.Data!.Patients, skip: 0);
            }
            else
            {
                await LoadDataAsync(new LoadDataArgs { Skip = 0, Top = PageSize });
                Prerendered = loader.Json;
            }
        }
        else if (query != search)
        {
            search = query;
            await ReloadAsync();
        }
    }

    private async Task OnSearchInput(ChangeEventArgs e)
    {
        search = e.Value?.ToString() ?? "";
        pendingSearch?.Cancel();
        pendingSearch?.Dispose();
        pendingSearch = new CancellationTokenSource();
        var token = pendingSearch.Token;
        try
        {
            // Debounce: only the last keystroke within the delay asks the server.
            await Task.Delay(SearchDelay, token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        await ReloadAsync();
    }

    private bool Filtered => sexFilter.Length > 0 || ageFilter != AgeGroup.All;

    private Task OnSexChanged(ChangeEventArgs e)
    {
        sexFilter = e.Value?.ToString() ?? "";
        return ReloadAsync();
    }

    private Task OnAgeChanged(ChangeEventArgs e)
    {
        ageFilter = Enum.TryParse<AgeGroup>(e.Value?.ToString(), out var age) ? age : AgeGroup.All;
        return ReloadAsync();
    }

    private Task ClearFiltersAsync()
    {
        sexFilter = "";
        ageFilter = AgeGroup.All;
        return ReloadAsync();
    }

    private static string AgeLabel(AgeGroup age) => age switch
    {
        AgeGroup.Children => "under 18",
        AgeGroup.Adults => "18 to 64",
        AgeGroup.Seniors => "65 and over",
        _ => "all ages",
    };

    private async Task ReloadAsync()
    {
        if (grid is not null)
        {
            // Back to the first page; Reload calls LoadData with skip 0.
            await grid.FirstPage(forceReload: true);
        }
    }

    // Loads may overlap (typing, fast paging): the loader shows only the latest one's answer.
    private async Task LoadDataAsync(LoadDataArgs args)
    {
        var searched = search.Trim();
        Sex? sex = Enum.TryParse<Sex>(sexFilter, out var parsed) ? parsed : null;
        var where = PatientQueryMapping.Filter(sex, ageFilter, Time.Today);
        var text = PatientQueryMapping.Search(searched);
        var order = PatientQueryMapping.Order(args.Sorts);
        pages.Reset(PagesKey(searched, args.Sorts));
        var skip = args.Skip ?? 0;
        var top = args.Top ?? PageSize;
        if (await loader.LoadAsync(ct => FetchPageAsync(skip, top, text, where, order, ct), disposed.Token))
        {
            Show(loader.Data!.Patients, skip);
        }
        else if (!loader.Loading && loader.Error is not null)
        {
            rows = [];
            count = 0;
        }
    }

    private void Show(ISearchPatients_Patients page, int skip)
    {
        rows = page.Nodes ?? [];
        count = page.TotalCount;
        loadedSearch = search.Trim();
        loadedFilters = $"{sexFilter}|{ageFilter}";
        pages.Remember(skip + rows.Count, page.PageInfo.EndCursor);
    }

    // The cursors known belong to one search, filter and order.
    private string PagesKey(string searched, IEnumerable<SortDescriptor>? sorts) =>
        $"{searched}|{sexFilter}|{ageFilter}|" + string.Join(",", sorts?.Select(s => s.Property + s.SortOrder) ?? []);

    private async Task<IOperationResult<ISearchPatientsResult>> FetchPageAsync(
        int skip, int top, string? text, PatientFilterInput? where, IReadOnlyList<PatientSortInput>? order, CancellationToken token)
    {
        if (pages.TryGetAfter(skip, out var after))
        {
            return await SearchPatients.ExecuteAsync(search: text, first: top, after: after, where: where, order: order, cancellationToken: token);
        }

        if (count is { } total && skip + top >= total)
        {
            // The last page: the last rows, whatever their cursors.
            return await SearchPatients.ExecuteAsync(search: text, last: total - skip, where: where, order: order, cancellationToken: token);
        }

        // A jump past the pages seen so far: walk from the nearest known page start to the cursor before this page.
        var (offset, cursor) = pages.Nearest(skip);
        while (offset < skip)
        {
            var step = Math.Min(skip - offset, 200);
            var walk = await SearchPatients.ExecuteAsync(search: text, first: step, after: cursor, where: where, order: order, cancellationToken: token);
            if (walk.Data?.Patients is not { } walked)
            {
                return walk;
            }

            offset += step;
            cursor = walked.PageInfo.EndCursor;
            pages.Remember(offset, cursor);
        }

        return await SearchPatients.ExecuteAsync(search: text, first: top, after: cursor, where: where, order: order, cancellationToken: token);
    }

    private void OpenChart(DataGridRowMouseEventArgs<IPatientRow> args) => Navigation.NavigateTo(PatientLinks.Chart(args.Data!.Id));

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        pendingSearch?.Cancel();
        pendingSearch?.Dispose();
    }
}
