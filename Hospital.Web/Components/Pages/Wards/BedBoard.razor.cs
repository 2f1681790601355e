using System.Globalization;
using Hospital.Data;
using Hospital.Web.Components.Live;
using Hospital.Web.Components.Wards;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Pages.Wards;

public sealed partial class BedBoard : IAsyncDisposable
{
    private LiveUpdates? live;
    private IReadOnlyList<IGetBedBoard_Wards>? wards;
    private string? error;
    private int totalBeds;
    private int occupied;
    private string wardFilter = "";
    private string statusFilter = "";

    [Inject]
    private IGetBedBoardQuery GetBedBoard { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private IOnBedChangedSubscription OnBedChanged { get; set; } = null!;

    [Inject]
    private DialogService Dialogs { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ILogger<BedBoard> Logger { get; set; } = null!;

    [Inject]
    private IConfiguration Configuration { get; set; } = null!;

    private string HospitalName => Configuration["Hospital:Name"] ?? "City Hospital";

    private bool Filtered => wardFilter.Length > 0 || statusFilter.Length > 0;

    protected override Task OnInitializedAsync()
    {
        StartLive();
        return LoadAsync();
    }

    // Subscribed before the first load (interactive rendering only; nothing is prerendered), so no change falls
    // between loading and listening.
    private void StartLive()
    {
        // The interactive render follows every bed change, made here or anywhere else, and reloads the board.
        live = new LiveUpdates(() => InvokeAsync(LoadAsync), () => InvokeAsync(StateHasChanged), Clock, Logger);
        live.Follow(ct => OnBedChanged.Watch(cancellationToken: ct));
    }

    private async Task LoadAsync()
    {
        var result = await GetBedBoard.ExecuteAsync();
        if (result.Data is null || result.Errors.Count > 0)
        {
            error = ErrorText.Describe(result.Errors);
            Notifications.Notify(NotificationSeverity.Error, "The bed board could not be loaded", error, TimeSpan.FromSeconds(8));
            StateHasChanged();
            return;
        }

        error = null;

        wards = [.. result.Data.Wards.OrderBy(w => w.Floor).ThenBy(w => w.Name, StringComparer.CurrentCulture)];
        var beds = wards.SelectMany(w => w.Beds).ToList();
        totalBeds = beds.Count;
        occupied = beds.Count(b => b.Status == BedStatus.Occupied);
        StateHasChanged();
    }

    private async Task ChangeStatusAsync(IBedTile bed)
    {
        var changed = await Dialogs.OpenAsync<BedStatusDialog>(
            $"Bed {bed.Label}",
            new Dictionary<string, object?> { [nameof(BedStatusDialog.BedId)] = bed.Id, [nameof(BedStatusDialog.Label)] = bed.Label, [nameof(BedStatusDialog.Current)] = bed.Status },
            new DialogOptions { Width = "28rem", CloseDialogOnEsc = true });
        if (changed is BedStatus status)
        {
            Notifications.Notify(NotificationSeverity.Success, $"Bed {bed.Label} is now {BedStatusView.Label(status).ToLowerInvariant()}", duration: 4000);
            await LoadAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (live is not null)
        {
            await live.DisposeAsync();
        }
    }

    // The wards and beds the filters let through; a ward with no matching bed is left out.
    private IEnumerable<(IGetBedBoard_Wards Ward, IReadOnlyList<IBedTile> Beds)> VisibleWards()
    {
        foreach (var ward in wards ?? [])
        {
            if (wardFilter.Length > 0 && ward.Id != wardFilter)
            {
                continue;
            }

            IReadOnlyList<IBedTile> beds = [.. ward.Beds
                .Where(b => statusFilter.Length == 0 || BedStatusView.Key(b.Status) == statusFilter)
                .OrderBy(b => b.Label, StringComparer.Ordinal)];
            if (beds.Count > 0)
            {
                yield return (ward, beds);
            }
        }
    }

    private int CountOf(BedStatus status) =>
        (wards ?? []).Where(w => wardFilter.Length == 0 || w.Id == wardFilter).SelectMany(w => w.Beds).Count(b => b.Status == status);

    private void ClearFilters()
    {
        wardFilter = "";
        statusFilter = "";
    }

    private static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : 100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture);
}
