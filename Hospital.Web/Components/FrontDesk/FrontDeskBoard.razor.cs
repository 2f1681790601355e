using System.Security.Claims;
using System.Text.Json;
using Hospital.Web.Components.Account;
using Hospital.Web.Components.Appointments;
using Hospital.Web.Components.Live;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Radzen;

namespace Hospital.Web.Components.FrontDesk;

/// <summary>
/// The receptionist's day on one screen: offers of freed slots to call about, the waiting room, who is late, today's
/// arrivals with one-key check-in, and the waitlist. Loaded once; then appointments and waitlist entries changed by
/// anyone arrive through subscriptions and are put in place (no reload); waiting times move on with a minute timer.
/// </summary>
public sealed partial class FrontDeskBoard : IAsyncDisposable
{
    /// <summary>A wait from this long is shown as long.</summary>
    internal static readonly TimeSpan LongWait = TimeSpan.FromMinutes(30);

    private QueryLoader<IGetFrontDeskResult> board = null!;
    private FrontDeskState state = null!;
    private LiveUpdates? live;
    private ITimer? tick;
    private bool canCheckIn;
    private bool canManageWaitlist;
    private bool busy;
    private string? actionError;
    private string announcement = "";

    [Inject]
    private IGetFrontDeskQuery GetFrontDesk { get; set; } = null!;

    [Inject]
    private IOnScheduleChangedSubscription OnScheduleChanged { get; set; } = null!;

    [Inject]
    private IOnWaitlistChangedSubscription OnWaitlistChanged { get; set; } = null!;

    [Inject]
    private ICheckInAppointmentMutation CheckIn { get; set; } = null!;

    [Inject]
    private IMarkAppointmentNoShowMutation NoShow { get; set; } = null!;

    [Inject]
    private IAcceptWaitlistOfferMutation Accept { get; set; } = null!;

    [Inject]
    private IDeclineWaitlistOfferMutation Decline { get; set; } = null!;

    [Inject]
    private ILeaveWaitlistMutation Leave { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private DialogService Dialogs { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IOptions<HospitalOptions> Options { get; set; } = null!;

    [Inject]
    private ILogger<FrontDeskBoard> Logger { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>The day as the prerender loaded it, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        board = new(Notifications, "The front desk could not be loaded");
        var (start, end) = Time.Day(Time.Today);
        state = new FrontDeskState(start, end, TimeSpan.FromMinutes(Options.Value.NoShowAfterMinutes));
        ClaimsPrincipal user = (await Authentication).User;
        canCheckIn = StaffAccess.RunsFrontDesk(user);
        canManageWaitlist = StaffAccess.ReadsBilling(user);

        if (RendererInfo.IsInteractive)
        {
            // Listen before loading, so no change falls between the two.
            live = new LiveUpdates(() => InvokeAsync(LoadAsync), () => InvokeAsync(StateHasChanged), Clock, Logger);
            live.Follow(ct => OnScheduleChanged.Watch(cancellationToken: ct), data => ApplyAsync(() => state.Apply(data.AppointmentChanged)));
            live.Follow(ct => OnWaitlistChanged.Watch(cancellationToken: ct), data => ApplyAsync(() => state.Apply(data.WaitlistChanged)));

            // Waiting times and lateness move on with the clock, not with the server.
            tick = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        }

        if (board.Restore(Prerendered, GetFrontDeskResultReader.Read))
        {
            Show(board.Data!);
        }
        else
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var (start, end) = Time.Day(Time.Today);
        if (await board.LoadAsync(ct => GetFrontDesk.ExecuteAsync(start, end, ct)))
        {
            Show(board.Data!);
        }

        Prerendered = board.Json;
        StateHasChanged();
    }

    private void Show(IGetFrontDeskResult data) =>
        state.Load(data.Appointments?.Nodes ?? [], data.Waitlist?.Nodes ?? [], data.Waitlist?.TotalCount ?? 0);

    private async Task<bool> ApplyAsync(Action apply)
    {
        if (board.Data is null)
        {
            return false;
        }

        await InvokeAsync(() =>
        {
            apply();

            // What the prerender kept no longer describes the page.
            Prerendered = null;
            StateHasChanged();
        });
        return true;
    }

    private string OfferTime(IWaitlistRow offer) =>
        offer.OfferedStartsAt is { } start ? $"{Time.DateTime(start)}–{(offer.OfferedEndsAt is { } end ? Time.Time(end) : "")}" : "";

    private async Task OnRowKeyAsync(KeyboardEventArgs e, IScheduledAppointment appointment, bool checkIn)
    {
        if (checkIn && e.Key is "c" or "C" && !e.CtrlKey && !e.AltKey && !e.MetaKey)
        {
            await CheckInAsync(appointment);
        }
    }

    private Task CheckInAsync(IScheduledAppointment appointment) =>
        RunAsync(
            async () => MutationOutcome.Unpack(await CheckIn.ExecuteAsync(appointment.Id), d => (d.CheckInAppointment.Appointment, d.CheckInAppointment.Errors)),
            changed => state.Apply(changed),
            $"{appointment.Patient.FullName} checked in at {Time.Time(Time.Now)}.");

    private async Task NoShowAsync(IScheduledAppointment appointment)
    {
        var sure = await Dialogs.Confirm(
            $"{appointment.Patient.FullName} was due at {Time.Time(appointment.StartsAt)} with {appointment.Doctor.FullName}. Mark the appointment as a no-show? The slot is not offered to the waitlist, since its time has passed.",
            "Mark as no-show",
            new ConfirmOptions { OkButtonText = "Mark as no-show", CancelButtonText = "Keep waiting" });
        if (sure != true)
        {
            return;
        }

        await RunAsync(
            async () => MutationOutcome.Unpack(await NoShow.ExecuteAsync(appointment.Id, $"Did not arrive within {state.NoShowAfter.TotalMinutes:0} minutes"), d => (d.MarkAppointmentNoShow.Appointment, d.MarkAppointmentNoShow.Errors)),
            changed => state.Apply(changed),
            $"{appointment.Patient.FullName} marked as a no-show.");
    }

    private Task AcceptAsync(IWaitlistRow offer) =>
        RunAsync(
            async () => MutationOutcome.Unpack(await Accept.ExecuteAsync(offer.Id, offer.Version), d => (d.AcceptWaitlistOffer.WaitlistEntry, d.AcceptWaitlistOffer.Errors)),
            changed =>
            {
                state.Apply(changed);
                if (changed.BookedAppointment is { } appointment)
                {
                    state.Apply(appointment);
                }
            },
            $"{offer.Patient.FullName} booked {OfferTime(offer)}.");

    private Task DeclineAsync(IWaitlistRow offer) =>
        RunAsync(
            async () => MutationOutcome.Unpack(await Decline.ExecuteAsync(offer.Id, offer.Version), d => (d.DeclineWaitlistOffer.WaitlistEntry, d.DeclineWaitlistOffer.Errors)),
            changed => state.Apply(changed),
            $"Offer declined for {offer.Patient.FullName}; the slot goes to the next in line.");

    private async Task LeaveAsync(IWaitlistRow entry)
    {
        var sure = await Dialogs.Confirm(
            $"Take {entry.Patient.FullName} off the waitlist for {FrontDeskText.WaitsFor(entry)}?",
            "Remove from the waitlist",
            new ConfirmOptions { OkButtonText = "Remove", CancelButtonText = "Keep" });
        if (sure != true)
        {
            return;
        }

        await RunAsync(
            async () => MutationOutcome.Unpack(await Leave.ExecuteAsync(entry.Id, "Taken off by the front desk", entry.Version), d => (d.LeaveWaitlist.WaitlistEntry, d.LeaveWaitlist.Errors)),
            changed => state.Apply(changed),
            $"{entry.Patient.FullName} is off the waitlist.");
    }

    /// <summary>Sends one action, puts its result in place (no reload) or says why it was refused.</summary>
    private async Task RunAsync<T>(Func<Task<(T? Value, string Error)>> send, Action<T> apply, string done)
        where T : class
    {
        if (busy)
        {
            return;
        }

        busy = true;
        actionError = null;
        try
        {
            var (value, error) = await send();
            if (value is null)
            {
                actionError = error;
                return;
            }

            apply(value);
            Prerendered = null;
            announcement = done;
            Notifications.Notify(NotificationSeverity.Success, done, duration: 4000);
        }
        finally
        {
            busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (tick is not null)
        {
            await tick.DisposeAsync();
        }

        if (live is not null)
        {
            await live.DisposeAsync();
        }
    }
}
