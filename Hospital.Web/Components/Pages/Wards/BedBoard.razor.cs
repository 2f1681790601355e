using System.Globalization;
using System.Text.Json;
using Hospital.Web.Components.Account;
using Hospital.Web.Components.Live;
using Hospital.Web.Components.Loading;
using Hospital.Web.Components.Wards;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace Hospital.Web.Components.Pages.Wards;

public sealed partial class BedBoard : IAsyncDisposable
{
    private readonly BedBoardState board = new();
    private QueryLoader<IGetBedBoardResult> loader = null!;
    private LiveUpdates? live;

    [Inject]
    private IGetBedBoardQuery GetBedBoard { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private IOnBoardBedChangedSubscription OnBedChanged { get; set; } = null!;

    [Inject]
    private DialogService Dialogs { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ILogger<BedBoard> Logger { get; set; } = null!;

    /// <summary>The board's JSON as the prerender loaded it, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? Prerendered { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    // Nurses and administrators set a bed's housekeeping status; others see the board only.
    private bool setsBedStatus;
    private bool admitsPatients;

    protected override async Task OnInitializedAsync()
    {
        loader = new(Notifications, "The bed board could not be loaded");
        setsBedStatus = StaffAccess.SetsBedStatus((await Authentication).User);
        admitsPatients = StaffAccess.AdmitsPatients((await Authentication).User);

        // Live only in the interactive render, and before its first load, so no change falls between loading and
        // listening. What changed between the prerender's load and this subscription shows with the bed's next change.
        if (RendererInfo.IsInteractive)
        {
            StartLive();
        }

        if (loader.Restore(Prerendered, GetBedBoardResultReader.Read))
        {
            board.Show(loader.Data!);
        }
        else
        {
            await LoadAsync();
        }
    }

    private void StartLive()
    {
        // Every bed change, made here or anywhere else, is put in place; a bed of a ward the board does not know reloads it.
        live = new LiveUpdates(() => InvokeAsync(LoadAsync), () => InvokeAsync(StateHasChanged), Clock, Logger);
        live.Follow(ct => OnBedChanged.Watch(ct), async data =>
        {
            var applied = false;
            await InvokeAsync(() => applied = board.Apply(data.BedChanged, data.BedChanged.Ward.Id));
            return applied;
        });
    }

    private async Task LoadAsync()
    {
        if (await loader.LoadAsync(GetBedBoard.ExecuteAsync))
        {
            board.Show(loader.Data!);
        }

        Prerendered = loader.Json;
        StateHasChanged();
    }

    private async Task ChangeStatusAsync(IBedTile bed)
    {
        var changed = await Dialogs.OpenAsync<BedStatusDialog>(
            $"Bed {bed.Label}",
            new Dictionary<string, object?> { [nameof(BedStatusDialog.BedId)] = bed.Id, [nameof(BedStatusDialog.Label)] = bed.Label, [nameof(BedStatusDialog.Current)] = bed.Status },
            new DialogOptions { Width = "28rem", CloseDialogOnEsc = true });

        // The tile shows the new status when the change's event arrives, as on every other open board.
        if (changed is BedStatus status)
        {
            Notifications.Notify(NotificationSeverity.Success, $"Bed {bed.Label} is now {BedStatusView.Label(status).ToLowerInvariant()}", duration: 4000);
        }
    }

    private async Task AdmissionAsync(IBedTile bed, AdmissionAction action)
    {
        var target = action == AdmissionAction.Admit ? bed.Id : bed.CurrentAdmission?.Id;
        if (target is null)
        {
            return;
        }

        var free = board.FreeBeds();
        var title = action switch
        {
            AdmissionAction.Admit => $"Admit to bed {bed.Label}",
            AdmissionAction.Transfer => $"Move {bed.CurrentPatient?.FullName} from bed {bed.Label}",
            _ => $"Discharge {bed.CurrentPatient?.FullName}",
        };
        var done = await Dialogs.OpenAsync<AdmissionDialog>(
            title,
            new Dictionary<string, object?> { [nameof(AdmissionDialog.Mode)] = action, [nameof(AdmissionDialog.TargetId)] = target, [nameof(AdmissionDialog.FreeBeds)] = free },
            new DialogOptions { Width = "32rem", CloseDialogOnEsc = true });

        // The tiles change when the beds' events arrive, as on every other open board.
        if (done is AdmissionAction)
        {
            Notifications.Notify(NotificationSeverity.Success, action switch
            {
                AdmissionAction.Admit => $"Admitted to bed {bed.Label}",
                AdmissionAction.Transfer => $"{bed.CurrentPatient?.FullName} moved; bed {bed.Label} is to be cleaned",
                _ => $"{bed.CurrentPatient?.FullName} discharged; bed {bed.Label} is to be cleaned",
            }, duration: 4000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (live is not null)
        {
            await live.DisposeAsync();
        }
    }

    private static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : 100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture);
}
