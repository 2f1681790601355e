using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Appointments;

/// <summary>A department the schedule's picker offers.</summary>
public sealed record DepartmentOption(string Code, string Name);

/// <summary>A doctor the schedule's picker offers.</summary>
public sealed record DoctorOption(string Id, string FullName, string Specialty, string DepartmentCode, string DepartmentName)
{
    // What the picker shows and searches: the name, and the specialty so "cardio" finds cardiologists too.
    public string Label => $"{FullName} · {Specialty}";
}

/// <summary>
/// What the appointments schedule shows: whose days and which (from the address), the pickers' lists, the appointments
/// of the range and the words that describe them. Changed appointments are put in place or taken out here, so the page
/// does not reload a range it already holds.
/// </summary>
public sealed class ScheduleState(HospitalTime time)
{
    public IReadOnlyList<DepartmentOption> Departments { get; private set; } = [];

    public IReadOnlyList<DoctorOption> Doctors { get; private set; } = [];

    /// <summary>All active doctors, of which <see cref="Doctors"/> may be the first page.</summary>
    public int DoctorsTotal { get; private set; }

    public bool FiltersLoaded { get; private set; }

    /// <summary>The department's code, e.g. CARD; empty for all.</summary>
    public string DepartmentCode { get; private set; } = "";

    /// <summary>The doctor's id; empty for all.</summary>
    public string DoctorId { get; private set; } = "";

    public ScheduleRange Range { get; private set; } = ScheduleRange.For(ScheduleView.Day, DateOnly.MinValue);

    public DateOnly Today { get; private set; } = time.Today;

    /// <summary>When the appointments were last brought up to date (the day view's "now" marker).</summary>
    public DateTimeOffset Now { get; private set; } = time.Now;

    /// <summary>The range's appointments; null while none are loaded.</summary>
    public IReadOnlyList<IScheduledAppointment>? Appointments { get; private set; }

    /// <summary>How many appointments the range has, of which <see cref="Appointments"/> may be the first pages.</summary>
    public int TotalCount { get; private set; }

    /// <summary>Whose days and which: a new address with the same selection (e.g. a re-render) does not reload.</summary>
    public string SelectionKey => $"{DepartmentCode}|{DoctorId}|{Range.First:yyyy-MM-dd}|{Range.Days}";

    public DoctorOption? SelectedDoctor => Doctors.FirstOrDefault(d => d.Id == DoctorId);

    public DepartmentOption? SelectedDepartment => Departments.FirstOrDefault(d => d.Code == DepartmentCode);

    public IEnumerable<DoctorOption> DoctorChoices =>
        DepartmentCode.Length == 0 ? Doctors : Doctors.Where(d => d.DepartmentCode == DepartmentCode);

    /// <summary>One doctor's schedule needs no doctor's name on each card; a department's or the hospital's does.</summary>
    public bool ShowDoctor => DoctorId.Length == 0;

    /// <summary>Whether the range holds only some of its appointments (then only a reload can tell where a change goes).</summary>
    public bool Truncated => Appointments is null || TotalCount > Appointments.Count;

    /// <summary>The selection the address names: department code, doctor id, <c>day</c> or <c>week</c>, a yyyy-MM-dd date (today when absent).</summary>
    public void Select(string? department, string? doctor, string? view, string? date)
    {
        DepartmentCode = department?.Trim() ?? "";
        DoctorId = doctor?.Trim() ?? "";
        var shown = string.Equals(view, "week", StringComparison.OrdinalIgnoreCase) ? ScheduleView.Week : ScheduleView.Day;
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : Today;
        Range = ScheduleRange.For(shown, day);
    }

    public void ShowFilters(IGetScheduleFiltersResult data)
    {
        Doctors = [.. (data.Doctors.Nodes ?? []).Select(d => new DoctorOption(
            d.Id, d.FullName, d.Specialty.Name, d.Department?.Code ?? "", d.Department?.Name ?? ""))];
        DoctorsTotal = data.Doctors.TotalCount;

        // Administration and Facilities have no clinic: only departments with doctors are offered.
        var withDoctors = Doctors.Select(d => d.DepartmentCode).ToHashSet(StringComparer.Ordinal);
        Departments = [.. data.Departments
            .Where(d => withDoctors.Contains(d.Code))
            .Select(d => new DepartmentOption(d.Code, d.Name))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)];
        FiltersLoaded = true;
    }

    /// <summary>Forgets the appointments shown (a new selection is loading).</summary>
    public void ClearAppointments() => Appointments = null;

    public void ShowAppointments(IReadOnlyList<IScheduledAppointment> appointments, int totalCount)
    {
        Appointments = appointments;
        TotalCount = totalCount;
        Now = time.Now;
    }

    /// <summary>
    /// Puts a changed appointment where the selection shows it (also one new to the range), or takes it out when it left
    /// the selection (cancelled elsewhere still shows; moved to another day or doctor does not). False when only a
    /// reload can tell: nothing is loaded, or the range is truncated.
    /// </summary>
    public bool Apply(IScheduledAppointment changed)
    {
        if (Appointments is not { } appointments || Truncated)
        {
            return false;
        }

        var (from, to) = time.Range(Range.First, Range.End);
        var shown = changed.EndsAt > from && changed.StartsAt < to
            && (DoctorId.Length == 0 || changed.Doctor.Id == DoctorId)
            && (DepartmentCode.Length == 0 || changed.Doctor.Department?.Code == DepartmentCode);
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

        Appointments = others;
        TotalCount += (shown ? 1 : 0) - (had ? 1 : 0);
        Now = time.Now;
        return true;
    }

    /// <summary>Day -> week keeps the week that holds the day; week -> day opens today when it is in that week, else its Monday.</summary>
    public DateOnly DateFor(ScheduleView view) =>
        Range.View == view ? Range.First : view == ScheduleView.Week ? Range.First : Range.Contains(Today) ? Today : Range.First;

    /// <summary>The appointments of one day, by start and doctor.</summary>
    public IReadOnlyList<IScheduledAppointment> On(DateOnly day) =>
        [.. (Appointments ?? []).Where(a => Clamp(AppointmentTimes.Day(a, time)) == day).OrderBy(a => a.StartsAt).ThenBy(a => a.Doctor.FullName, StringComparer.CurrentCulture)];

    /// <summary>The day view's hour rows: the usual clinic day 08:00–17:00, widened to every appointment.</summary>
    public IEnumerable<(int Hour, IReadOnlyList<IScheduledAppointment> Appointments)> Hours()
    {
        var list = On(Range.First);
        var byHour = list.ToLookup(StartHour);
        var first = Math.Min(8, list.Count == 0 ? 8 : byHour.Min(g => g.Key));
        var last = Math.Max(17, list.Count == 0 ? 17 : byHour.Max(g => g.Key));
        for (var hour = first; hour <= last; hour++)
        {
            yield return (hour, byHour[hour].ToList());
        }
    }

    /// <summary>The hour of the day view that holds "now", or -1 when the range is not today.</summary>
    public int NowHour => Range.Contains(Today) ? time.Local(Now).Hour : -1;

    /// <summary>Whose schedule this is, in words: "Dr Ana Ruiz", "Cardiology", "all departments".</summary>
    public string Who => SelectedDoctor is { } doctor ? AppointmentTimes.Doctor(doctor.FullName)
        : DoctorId.Length > 0 ? "this doctor"
        : SelectedDepartment is { } department ? department.Name
        : DepartmentCode.Length > 0 ? DepartmentCode
        : "all departments";

    public string Subtitle => SelectedDoctor is { } doctor
        ? string.Join(" · ", new[] { AppointmentTimes.Doctor(doctor.FullName), doctor.Specialty, doctor.DepartmentName }.Where(t => t.Length > 0).Distinct())
        : SelectedDepartment is { } department ? $"{department.Name} · all doctors"
        : "All departments";

    /// <summary>The doctor picker's words when no doctor is chosen.</summary>
    public string AllDoctors => DepartmentCode.Length == 0 ? "All doctors" : $"All doctors in {SelectedDepartment?.Name ?? DepartmentCode}";

    public string EmptyText => SelectedDoctor is not null || DoctorId.Length > 0 ? $"No appointments for {Who} {Range.Phrase}."
        : DepartmentCode.Length > 0 ? $"No appointments in {Who} {Range.Phrase}."
        : $"No appointments {Range.Phrase}.";

    public string EmptyHint => Range.Days == 1 ? "The day is free. Try the next day, or see the whole week." : "Nothing is booked this week. Try the next week, or another doctor.";

    public string LoadingText => $"Loading appointments for {Who} {Range.Phrase}…";

    /// <summary>What the lasting live region says: what is coming while loading, else what the range holds.</summary>
    public string Announcement(bool loading, bool failed) => failed ? ""
        : loading || Appointments is null ? LoadingText
        : Appointments.Count == 0 ? EmptyText
        : $"{Range.Title}: {Summary}";

    public string Summary
    {
        get
        {
            var list = Appointments ?? [];
            var parts = AppointmentStatusView.All
                .Select(s => (Status: s, Count: list.Count(a => a.Status == s)))
                .Where(p => p.Count > 0)
                .Select(p => $"{p.Count} {AppointmentStatusView.Label(p.Status).ToLowerInvariant()}");
            var count = Count(list.Count);
            var more = TotalCount > list.Count ? $" (the first {list.Count} of {TotalCount}: choose a department or doctor to see all)" : "";
            return list.Count == 0 ? count : $"{count}{more} · {string.Join(" · ", parts)}";
        }
    }

    /// <summary>"No appointments", "1 appointment", "3 appointments".</summary>
    public static string DayCount(int count) => count == 0 ? "No appointments" : Count(count);

    public static string Hour(int hour) => $"{hour:00}:00";

    public static string DayId(DateOnly day) => "day-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int count) => $"{count} {(count == 1 ? "appointment" : "appointments")}";

    // An appointment that began before the range (across midnight) shows on the range's first day.
    private DateOnly Clamp(DateOnly day) => day < Range.First ? Range.First : day;

    private int StartHour(IScheduledAppointment appointment) =>
        AppointmentTimes.Day(appointment, time) < Range.First ? 0 : time.Local(appointment.StartsAt).Hour;
}
