using System.Globalization;
using System.Text.Json;
using Gql.Client;
using Hospital.Web.Components.Appointments;
using Hospital.Web.Components.Live;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Radzen;

namespace Hospital.Web.Components.Pages.Appointments;

public sealed partial class AppointmentSchedule : IAsyncDisposable
{
    // Pages of 200 (GetAppointmentSchedule.graphql): a busy hospital's week fits; beyond it the page says so.
    private const int MaxPages = 5;

    private readonly Dictionary<string, AppointmentCard> cards = [];
    private readonly CancellationTokenSource disposed = new();
    private ScheduleState state = null!;
    private QueryLoader<IGetScheduleFiltersResult> filters = null!;
    private QueryLoader<IGetAppointmentScheduleResult> schedule = null!;
    private LiveUpdates? live;
    private bool filtersRequested;
    private string? loadedKey;
    private bool loading = true;
    private int loadVersion;

    [Inject]
    private IGetScheduleFiltersQuery GetScheduleFilters { get; set; } = null!;

    [Inject]
    private IGetAppointmentScheduleQuery GetAppointmentSchedule { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private DialogService Dialogs { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private IOnScheduleChangedSubscription OnScheduleChanged { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ILogger<AppointmentSchedule> Logger { get; set; } = null!;

    /// <summary>The department's code, e.g. CARD (the API filters departments by code or name, not by id).</summary>
    [SupplyParameterFromQuery(Name = "department")]
    public string? DepartmentParameter { get; set; }

    [SupplyParameterFromQuery(Name = "doctor")]
    public string? DoctorParameter { get; set; }

    /// <summary>day (the default) or week.</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? ViewParameter { get; set; }

    /// <summary>A hospital-local date, yyyy-MM-dd; today when absent.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? DateParameter { get; set; }

    /// <summary>The pickers' lists as the prerender loaded them, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? PrerenderedFilters { get; set; }

    /// <summary>The appointments as the prerender loaded them, handed to the interactive render.</summary>
    [PersistentState]
    public PrerenderedSchedule? Prerendered { get; set; }

    private string? Error => schedule.Error;

    protected override void OnInitialized()
    {
        state = new ScheduleState(Time);
        filters = new(Notifications, "The department and doctor lists could not be loaded");
        schedule = new(Notifications, "Appointments could not be loaded");

        // Live only in the interactive render, and before its first load, so no change falls between loading and
        // listening. What changed between the prerender's load and this subscription shows with its next change.
        if (RendererInfo.IsInteractive)
        {
            StartLive();
        }
    }

    // The query string is the selection: every control navigates, and this loads what the address says.
    // The first time, the pickers' lists load side by side with the schedule rather than before it.
    protected override async Task OnParametersSetAsync()
    {
        var lists = filtersRequested ? Task.CompletedTask : LoadFiltersAsync();
        filtersRequested = true;
        state.Select(DepartmentParameter, DoctorParameter, ViewParameter, DateParameter);
        await Task.WhenAll(lists, state.SelectionKey != loadedKey ? LoadAppointmentsAsync() : Task.CompletedTask);
    }

    private async Task LoadFiltersAsync()
    {
        if (filters.Restore(PrerenderedFilters, GetScheduleFiltersResultReader.Read)
            || await filters.LoadAsync(GetScheduleFilters.ExecuteAsync, disposed.Token))
        {
            state.ShowFilters(filters.Data!);
        }

        PrerenderedFilters = filters.Json;

        // The schedule may still be loading: show the pickers now.
        StateHasChanged();
    }

    private void StartLive()
    {
        // Any appointment booked or changed, here or elsewhere, is put in place on screen (or taken out); only when that
        // cannot be told from the event alone (a truncated range, a failed load) does the range reload, without a
        // loading state.
        live = new LiveUpdates(() => InvokeAsync(() => LoadAppointmentsAsync(quiet: true)), () => InvokeAsync(StateHasChanged), Clock, Logger);
        live.Follow(ct => OnScheduleChanged.Watch(ct), async data =>
        {
            var applied = false;
            await InvokeAsync(() => applied = Apply(data.AppointmentChanged));
            return applied;
        });
    }

    private async Task LoadAppointmentsAsync() => await LoadAppointmentsAsync(quiet: false);

    /// <summary>Loads the selection; <paramref name="quiet"/> keeps the current cards on screen until the answer is in (live refreshes).</summary>
    private async Task LoadAppointmentsAsync(bool quiet)
    {
        if (quiet && (loading || disposed.IsCancellationRequested))
        {
            return;
        }

        // Selections may follow each other quickly: only the latest one's answer is shown.
        var version = ++loadVersion;
        var key = loadedKey = state.SelectionKey;
        if (!quiet)
        {
            loading = true;
            state.ClearAppointments();
            cards.Clear();
            StateHasChanged();
        }

        var pages = TakePrerendered(key) ?? await FetchPagesAsync(version);
        if (version != loadVersion)
        {
            return;
        }

        // Null when a page failed: the loader holds the error the markup shows.
        if (pages is not null)
        {
            state.ShowAppointments([.. pages.SelectMany(p => p.Data.Appointments.Nodes ?? [])], pages[^1].Data.Appointments.TotalCount);
            Prerendered = pages.All(p => p.Json is not null) ? new PrerenderedSchedule(key, [.. pages.Select(p => p.Json!.Value)]) : null;
        }

        loading = false;
        StateHasChanged();
    }

    // The pages of the selection, following endCursor; null when a page failed or a newer load began.
    private async Task<List<(IGetAppointmentScheduleResult Data, JsonElement? Json)>?> FetchPagesAsync(int version)
    {
        // The visible local days as UTC instants: [first day's start, the next day after the last's start).
        var (from, to) = Time.Range(state.Range.First, state.Range.End);
        var doctorId = state.DoctorId.Length == 0 ? null : state.DoctorId;

        // Unset input fields are left out of the request; a field set to null would be refused by the API's filter.
        var where = state.DepartmentCode.Length == 0
            ? null
            : new AppointmentFilterInput
            {
                Doctor = new DoctorFilterInput
                {
                    Department = new DepartmentFilterInput { Code = new StringOperationFilterInput { Eq = state.DepartmentCode } },
                },
            };
        var pages = new List<(IGetAppointmentScheduleResult, JsonElement?)>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var cursor = after;
            if (!await schedule.LoadAsync(ct => GetAppointmentSchedule.ExecuteAsync(from, to, doctorId: doctorId, where: where, after: cursor, cancellationToken: ct), disposed.Token)
                || version != loadVersion)
            {
                return null;
            }

            var connection = schedule.Data!.Appointments;
            pages.Add((schedule.Data, schedule.Json));
            if (!connection.PageInfo.HasNextPage || connection.PageInfo.EndCursor is not { } next)
            {
                break;
            }

            after = next;
        }

        return pages;
    }

    // What the prerender loaded, once, if it is this selection.
    private List<(IGetAppointmentScheduleResult Data, JsonElement? Json)>? TakePrerendered(string key)
    {
        if (Prerendered is not { } kept || kept.Key != key)
        {
            return null;
        }

        Prerendered = null;
        var pages = new List<(IGetAppointmentScheduleResult, JsonElement?)>();
        foreach (var json in kept.Pages)
        {
            if (!schedule.Restore(json, GetAppointmentScheduleResultReader.Read))
            {
                return null;
            }

            pages.Add((schedule.Data!, json));
        }

        return pages.Count > 0 ? pages : null;
    }

    /// <summary>Puts a changed appointment in place; false when only a reload can tell (loading, failed or truncated).</summary>
    private bool Apply(IScheduledAppointment changed)
    {
        if (loading || Error is not null || !state.Apply(changed))
        {
            return false;
        }

        // The range changed since the prerender: what it kept no longer describes the page.
        Prerendered = null;
        StateHasChanged();
        return true;
    }

    private async Task RetryAsync()
    {
        if (filters.Error is not null)
        {
            await LoadFiltersAsync();
        }

        await LoadAppointmentsAsync();
    }

    private void OnDepartmentChanged(object? value)
    {
        var code = value as string ?? "";
        // A doctor from another department would leave the schedule empty for no visible reason.
        var keepDoctor = state.SelectedDoctor is { } doctor && (code.Length == 0 || doctor.DepartmentCode == code);
        Go(department: code, doctor: keepDoctor ? state.DoctorId : "");
    }

    private void OnDoctorChanged(object? value) => Go(doctor: value as string ?? "");

    private void Show(ScheduleView view) => Go(view: view, date: state.DateFor(view));

    private void Previous() => Go(date: state.Range.Previous().First);

    private void Next() => Go(date: state.Range.Next().First);

    private void GoToday() => Go(date: state.Today);

    private void ShowDay(DateOnly date) => Go(view: ScheduleView.Day, date: date);

    private void Go(string? department = null, string? doctor = null, ScheduleView? view = null, DateOnly? date = null)
    {
        var query = new Dictionary<string, object?>
        {
            ["department"] = NullIfEmpty(department ?? state.DepartmentCode),
            ["doctor"] = NullIfEmpty(doctor ?? state.DoctorId),
            ["view"] = (view ?? state.Range.View) == ScheduleView.Week ? "week" : "day",
            ["date"] = (date ?? state.Range.First).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query));

        static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
    }

    private async Task OpenAsync(IScheduledAppointment appointment)
    {
        var local = AppointmentTimes.Local(appointment, Time);
        var changed = await Dialogs.OpenAsync<AppointmentDetails>(
            $"{AppointmentTimes.Span(local)} · {appointment.Patient.FullName}",
            new Dictionary<string, object?> { [nameof(AppointmentDetails.Appointment)] = appointment },
            new DialogOptions { Width = "34rem", CloseDialogOnEsc = true, CloseDialogOnOverlayClick = true });
        // The dialog hands back the appointment as the mutation returned it: no reload needed.
        if (changed is IScheduledAppointment updated && !Apply(updated))
        {
            await LoadAppointmentsAsync(quiet: true);
        }

        // Back to the card the details came from, unless the chart link took the user elsewhere.
        if (!disposed.IsCancellationRequested && cards.TryGetValue(appointment.Id, out var card))
        {
            try
            {
                await card.FocusAsync();
            }
            catch (Exception e) when (e is JSException or InvalidOperationException)
            {
                // The card left the page meanwhile (a reload or a navigation): nothing to return to.
            }
        }
    }

    // Cancelled, not disposed: a load still in flight may read the token once more.
    public async ValueTask DisposeAsync()
    {
        disposed.Cancel();
        if (live is not null)
        {
            await live.DisposeAsync();
        }
    }

    /// <summary>The pages of one selection's appointments, as JSON (persistent component state).</summary>
    public sealed record PrerenderedSchedule(string Key, IReadOnlyList<JsonElement> Pages);
}
