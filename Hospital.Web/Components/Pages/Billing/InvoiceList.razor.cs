using System.Text.Json;
using Hospital.Web.Components.Billing;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Pages.Billing;

/// <summary>
/// Invoices for the front desk, unpaid ones first: filtered by status, patient or number and due date, sorted, and
/// paged with cursors. The selects apply at once, the search box on Enter.
/// </summary>
public sealed partial class InvoiceList
{
    public const int PageSize = 25;

    private readonly Stack<string?> cursors = new();
    private QueryLoader<IGetInvoiceListResult> loader = null!;
    private IReadOnlyList<IInvoiceRow>? rows;
    private int totalCount;
    private bool hasNextPage;
    private string? endCursor;
    private string? after;
    private InvoiceListQuery applied = InvoiceListQuery.Default;
    private InvoiceStatusFilter status = InvoiceListQuery.Default.Status;
    private InvoiceListOrder order = InvoiceListQuery.Default.Order;
    private string? search;
    private DateOnly? dueBefore;
    private bool overdue;

    [Inject]
    private IGetInvoiceListQuery GetInvoiceList { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    // The filters live in the address (InvoiceListQuery.Link), so Back from an invoice returns to the same list.
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusParameter { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchParameter { get; set; }

    [SupplyParameterFromQuery(Name = "before")]
    public string? BeforeParameter { get; set; }

    [SupplyParameterFromQuery(Name = "overdue")]
    public bool? OverdueParameter { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortParameter { get; set; }

    /// <summary>The first page's JSON as the prerender loaded it, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? Prerendered { get; set; }

    private bool Loading => loader.Loading || (rows is null && loader.Error is null);

    private string? Error => loader.Error;

    protected override void OnInitialized() => loader = new(Notifications, "Invoices could not be loaded");

    protected override async Task OnParametersSetAsync()
    {
        var asked = InvoiceListQuery.FromLink(StatusParameter, SearchParameter, BeforeParameter, OverdueParameter, SortParameter);
        if (rows is not null && asked == applied)
        {
            return;
        }

        applied = asked;
        (status, order, search, dueBefore, overdue) = (asked.Status, asked.Order, asked.Search, asked.DueBefore, asked.Overdue);
        cursors.Clear();
        if (rows is null && loader.Restore(Prerendered, GetInvoiceListResultReader.Read))
        {
            Show(null);
            return;
        }

        await LoadAsync(null);
        Prerendered ??= loader.Json;
    }

    private async Task SetAsync(Action set)
    {
        set();
        await ApplyAsync();
    }

    // The address changes, and OnParametersSetAsync loads what it names.
    private Task ApplyAsync()
    {
        var asked = new InvoiceListQuery(status, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), overdue, dueBefore, order);
        Navigation.NavigateTo(asked.Link());
        return Task.CompletedTask;
    }

    private Task ClearAsync()
    {
        (status, order, search, dueBefore, overdue) = (InvoiceListQuery.Default.Status, InvoiceListQuery.Default.Order, null, null, false);
        return ApplyAsync();
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
        if (await loader.LoadAsync(ct => GetInvoiceList.ExecuteAsync(PageSize, query.Where(Time.Today), query.Sort(), cursor, ct)))
        {
            Show(cursor);
        }
    }

    private void Show(string? cursor)
    {
        var page = loader.Data!.Invoices;
        after = cursor;
        rows = page.Nodes ?? [];
        totalCount = page.TotalCount;
        hasNextPage = page.PageInfo.HasNextPage;
        endCursor = page.PageInfo.EndCursor;
    }
}
