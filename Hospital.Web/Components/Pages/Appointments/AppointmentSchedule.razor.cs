using System.Globalization;
using Gql.Client;
using Hospital.Web.Components.Appointments;
using Hospital.Web.Components.Live;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Radzen;

namespace Hospital.Web.Components.Pages.Appointments;

public sealed partial class AppointmentSchedule : IAsyncDisposable
{
    private LiveUpdates? live;
    // Pages of 200 (GetAppointmentSchedule.graphql): a busy hospital's week fits; beyond it the page says so.
    private const int MaxPages = 5;

    private readonly Dictionary<string, AppointmentCard> cards = [];
    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<DepartmentOption> departments = [];
    private IReadOnlyList<DoctorOption> doctors = [];
    private bool filtersRequested;
    private bool filtersLoaded;
    private string? filtersError;
    private int doctorsTotal;

    private string departmentCode = "";
    private string doctorId = "";
    private ScheduleRange range = ScheduleRange.For(ScheduleView.Day, DateOnly.MinValue);
    private string? loadedKey;

    private IReadOnlyList<IScheduledAppointment>? appointments;
    private int totalCount;
    private bool loading = true;
    private string? error;
    private int loadVersion;
    private DateTimeOffset now;
    private DateOnly today;

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
    private IConfiguration Configuration { get; set; } = null!;

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

    private string HospitalName => Configuration["Hospital:Name"] ?? "City Hospital";

    // Whose days and which: a new address with the same selection (e.g. a re-render) does not reload.
    private string SelectionKey => $"{departmentCode}|{doctorId}|{range.First:yyyy-MM-dd}|{range.Days}";

    private DoctorOption? SelectedDoctor => doctors.FirstOrDefault(d => d.Id == doctorId);

    private DepartmentOption? SelectedDepartment => departments.FirstOrDefault(d => d.Code == departmentCode);

    private IEnumerable<DoctorOption> DoctorChoices =>
        departmentCode.Length == 0 ? doctors : doctors.Where(d => d.DepartmentCode == departmentCode);

    // One doctor's schedule needs no doctor's name on each card; a department's or the hospital's does.
    private bool ShowDoctor => doctorId.Length == 0;

    protected override void OnInitialized()
    {
        now = Time.Now;
        today = Time.Today;
        StartLive();
    }

    // The query string is the selection: every control navigates, and this loads what the address says.
    // The first time, the pickers' lists load side by side with the schedule rather than before it.
    protected override async Task OnParametersSetAsync()
    {
        var filters = filtersRequested ? Task.CompletedTask : LoadFiltersAsync();
        filtersRequested = true;
        departmentCode = DepartmentParameter?.Trim() ?? "";
        doctorId = DoctorParameter?.Trim() ?? "";
        var view = string.Equals(ViewParameter, "week", StringComparison.OrdinalIgnoreCase) ? ScheduleView.Week : ScheduleView.Day;
        var date = DateOnly.TryParseExact(DateParameter, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : today;
        range = ScheduleRange.For(view, date);
        await Task.WhenAll(filters, SelectionKey != loadedKey ? LoadAppointmentsAsync() : Task.CompletedTask);
    }

    private async Task LoadFiltersAsync()
    {
        filtersError = null;
        IOperationResult<IGetScheduleFiltersResult> result;
        try
        {
            result = await GetScheduleFilters.ExecuteAsync(disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (result.Data is null || result.Errors.Count > 0)
        {
            filtersError = ErrorText.Describe(result.Errors);
            StateHasChanged();
            return;
        }

        doctors = [.. (result.Data.Doctors.Nodes ?? []).Select(d => new DoctorOption(
            d.Id, d.FullName, d.Specialty.Name, d.Department?.Code ?? "", d.Department?.Name ?? ""))];
        doctorsTotal = result.Data.Doctors.TotalCount;
        // Administration and Facilities have no clinic: only departments with doctors are offered.
        var withDoctors = doctors.Select(d => d.DepartmentCode).ToHashSet(StringComparer.Ordinal);
        departments = [.. result.Data.Departments
            .Where(d => withDoctors.Contains(d.Code))
            .Select(d => new DepartmentOption(d.Code, d.Name))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)];
        filtersLoaded = true;
        // The schedule may still be loading: show the pickers now.
        StateHasChanged();
    }

    // Subscribed before the first load (interactive rendering only; nothing is prerendered), so no change falls
    // between loading and listening.
    private void StartLive()
    {
        // Any appointment booked or changed, here or elsewhere, is put in place on screen; only when that cannot be
        // told from the event alone (a truncated range, a failed load) does the range reload, without a loading state.
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
        loadedKey = SelectionKey;
        if (!quiet)
        {
            loading = true;
            error = null;
            cards.Clear();
            StateHasChanged();
        }

        // The visible local days as UTC instants: [first day's start, the next day after the last's start).
        var (from, to) = Time.Range(range.First, range.End);
        // Unset input fields are left out of the request; a field set to null would be refused by the API's filter.
        var where = departmentCode.Length == 0
            ? null
            : new AppointmentFilterInput
            {
                Doctor = new DoctorFilterInput
                {
                    Department = new DepartmentFilterInput { Code = new StringOperationFilterInput { Eq = departmentCode } },
                },
            };
        var loaded = new List<IScheduledAppointment>();
        string? after = null;
        var total = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            IOperationResult<IGetAppointmentScheduleResult> result;
            try
            {
                result = await GetAppointmentSchedule.ExecuteAsync(
                    from, to, doctorId: doctorId.Length == 0 ? null : doctorId, where: where, after: after, cancellationToken: disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (version != loadVersion || disposed.IsCancellationRequested)
            {
                return;
            }

            if (result.Data is null || result.Errors.Count > 0)
            {
                loading = false;
                appointments = null;
                error = ErrorText.Describe(result.Errors);
                Notifications.Notify(NotificationSeverity.Error, "Appointments could not be loaded", error, TimeSpan.FromSeconds(8));
                return;
            }

            var connection = result.Data.Appointments;
            loaded.AddRange(connection.Nodes ?? []);
            total = connection.TotalCount;
            if (!connection.PageInfo.HasNextPage || connection.PageInfo.EndCursor is not { } cursor)
            {
                break;
            }

            after = cursor;
        }

        appointments = loaded;
        totalCount = total;
        now = Time.Now;
        loading = false;
        error = null;
        StateHasChanged();
    }

    /// <summary>
    /// Puts a changed appointment where the selection shows it, or takes it out when it left the selection (cancelled
    /// elsewhere still shows; moved to another day or doctor does not). False when only a reload can tell: the
    /// schedule is loading, failed, or shows a truncated range.
    /// </summary>
    private bool Apply(IScheduledAppointment changed)
    {
        if (loading || error is not null || appointments is null || totalCount > appointments.Count)
        {
            return false;
        }

        var (from, to) = Time.Range(range.First, range.End);
        var shown = changed.EndsAt > from && changed.StartsAt < to
            && (doctorId.Length == 0 || changed.Doctor.Id == doctorId)
            && (departmentCode.Length == 0 || changed.Doctor.Department?.Code == departmentCode);
        var others = appointments.Where(a => a.Id != changed.Id).ToList();
        var had = others.Count != appointments.Count;
        if (!shown && !had)
        {
            return true;
        }

        if (shown)
        {
            others.Add(changed);
        }

        appointments = others;
        totalCount += (shown ? 1 : 0) - (had ? 1 : 0);
        now = Time.Now;
        StateHasChanged();
        return true;
    }

    private async Task RetryAsync()
    {
        if (filtersError is not null)
        {
            await LoadFiltersAsync();
        }

        await LoadAppointmentsAsync();
    }

    private void OnDepartmentChanged(object? value)
    {
        var code = value as string ?? "";
        // A doctor from another department would leave the schedule empty for no visible reason.
        var keepDoctor = SelectedDoctor is { } doctor && (code.Length == 0 || doctor.DepartmentCode == code);
        Go(department: code, doctor: keepDoctor ? doctorId : "");
    }

    private void OnDoctorChanged(object? value) => Go(doctor: value as string ?? "");

    private void Show(ScheduleView view) => Go(view: view, date: range.View == view ? range.First : ScheduleDateFor(view));

    private void Previous() => Go(date: range.Previous().First);

    private void Next() => Go(date: range.Next().First);

    private void GoToday() => Go(date: today);

    private void ShowDay(DateOnly date) => Go(view: ScheduleView.Day, date: date);

    // Day -> week keeps the week that holds the day; week -> day opens today when it is in that week, else its Monday.
    private DateOnly ScheduleDateFor(ScheduleView view) =>
        view == ScheduleView.Week ? range.First : range.Contains(today) ? today : range.First;

    private void Go(string? department = null, string? doctor = null, ScheduleView? view = null, DateOnly? date = null)
    {
        var query = new Dictionary<string, object?>
        {
            ["department"] = NullIfEmpty(department ?? departmentCode),
            ["doctor"] = NullIfEmpty(doctor ?? doctorId),
            ["view"] = (view ?? range.View) == ScheduleView.Week ? "week" : "day",
            ["date"] = (date ?? range.First).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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

    /// <summary>Whose schedule this is, in words: "Dr Ana Ruiz", "Cardiology", "all departments".</summary>
    private string Who => SelectedDoctor is { } doctor ? AppointmentTimes.Doctor(doctor.FullName)
        : doctorId.Length > 0 ? "this doctor"
        : SelectedDepartment is { } department ? department.Name
        : departmentCode.Length > 0 ? departmentCode
        : "all departments";

    private string Subtitle => SelectedDoctor is { } doctor
        ? string.Join(" · ", new[] { AppointmentTimes.Doctor(doctor.FullName), doctor.Specialty, doctor.DepartmentName }.Where(t => t.Length > 0).Distinct())
        : SelectedDepartment is { } department ? $"{department.Name} · all doctors"
        : "All departments";

    private string EmptyText => SelectedDoctor is not null || doctorId.Length > 0 ? $"No appointments for {Who} {range.Phrase}."
        : departmentCode.Length > 0 ? $"No appointments in {Who} {range.Phrase}."
        : $"No appointments {range.Phrase}.";

    private string Announcement => error is not null ? ""
        : loading || appointments is null ? LoadingText
        : appointments.Count == 0 ? EmptyText
        : $"{range.Title}: {Summary}";

    private string LoadingText => $"Loading appointments for {Who} {range.Phrase}…";

    private string Summary
    {
        get
        {
            var list = appointments ?? [];
            var parts = AppointmentStatusView.All
                .Select(s => (Status: s, Count: list.Count(a => a.Status == s)))
                .Where(p => p.Count > 0)
                .Select(p => $"{p.Count} {AppointmentStatusView.Label(p.Status).ToLowerInvariant()}");
            var count = $"{list.Count} {(list.Count == 1 ? "appointment" : "appointments")}";
            var more = totalCount > list.Count ? $" (the first {list.Count} of {totalCount}: choose a department or doctor to see all)" : "";
            return list.Count == 0 ? count : $"{count}{more} · {string.Join(" · ", parts)}";
        }
    }

    private IReadOnlyList<IScheduledAppointment> On(DateOnly day) =>
        [.. (appointments ?? []).Where(a => Clamp(AppointmentTimes.Day(a, Time)) == day).OrderBy(a => a.StartsAt).ThenBy(a => a.Doctor.FullName, StringComparer.CurrentCulture)];

    // An appointment that began before the range (across midnight) shows on the range's first day.
    private DateOnly Clamp(DateOnly day) => day < range.First ? range.First : day;

    /// <summary>The day view's hour rows: the usual clinic day 08:00–17:00, widened to every appointment.</summary>
    private IEnumerable<(int Hour, IReadOnlyList<IScheduledAppointment> Appointments)> Hours()
    {
        var list = On(range.First);
        var byHour = list.ToLookup(a => StartHour(a));
        var first = Math.Min(8, list.Count == 0 ? 8 : byHour.Min(g => g.Key));
        var last = Math.Max(17, list.Count == 0 ? 17 : byHour.Max(g => g.Key));
        for (var hour = first; hour <= last; hour++)
        {
            yield return (hour, byHour[hour].ToList());
        }
    }

    private int StartHour(IScheduledAppointment appointment) =>
        AppointmentTimes.Day(appointment, Time) < range.First ? 0 : Time.Local(appointment.StartsAt).Hour;

    private static string Hour(int hour) => $"{hour:00}:00";

    private static string DayId(DateOnly day) => "day-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Cancelled, not disposed: a load still in flight may read the token once more.
    public async ValueTask DisposeAsync()
    {
        disposed.Cancel();
        if (live is not null)
        {
            await live.DisposeAsync();
        }
    }

    private sealed record DepartmentOption(string Code, string Name);

    private sealed record DoctorOption(string Id, string FullName, string Specialty, string DepartmentCode, string DepartmentName)
    {
        // What the picker shows and searches: the name, and the specialty so "cardio" finds cardiologists too.
        public string Label => $"{FullName} · {Specialty}";
    }
}
