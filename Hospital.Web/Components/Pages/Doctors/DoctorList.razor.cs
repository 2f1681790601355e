using Hospital.Data;
using Hospital.Web.Components.Doctors;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace Hospital.Web.Components.Pages.Doctors;

public sealed partial class DoctorList
{
    private IReadOnlyList<string> specialties = [];
    private IReadOnlyList<IDoctorCard>? doctors;
    private int totalCount;
    private QueryLoader<IGetDoctorDirectoryResult> loader = null!;
    private string specialtyFilter = "";
    private string loadedSpecialty = "";
    private DateTimeOffset now;

    [Inject]
    private IGetDoctorDirectoryQuery GetDoctorDirectory { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalDataOptions DataOptions { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    private bool Loading => loader.Loading || (doctors is null && loader.Error is null);

    private string? Error => loader.Error;

    protected override Task OnInitializedAsync()
    {
        loader = new(Notifications, "Doctors could not be loaded");
        return LoadAsync();
    }

    private async Task OnSpecialtyChanged(ChangeEventArgs e)
    {
        specialtyFilter = e.Value?.ToString() ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // Changes may overlap: the loader shows only the latest one's answer.
        var specialty = specialtyFilter;
        now = Clock.GetUtcNow();

        // "Today" is the hospital's local day (Hospital:TimeZone), sent as UTC instants.
        var zone = DataOptions.TimeZone;
        var start = DataOptions.Today(now.UtcDateTime).ToDateTime(TimeOnly.MinValue);
        var dayStart = new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
        var dayEnd = new DateTimeOffset(start.AddDays(1), zone.GetUtcOffset(start.AddDays(1))).ToUniversalTime();
        // An input field set to null is sent as null, which the API refuses: leave Specialty unset for "all".
        var where = specialty.Length == 0
            ? new DoctorFilterInput { IsActive = new BooleanOperationFilterInput { Eq = true } }
            : new DoctorFilterInput
            {
                IsActive = new BooleanOperationFilterInput { Eq = true },
                Specialty = new SpecialtyFilterInput { Name = new StringOperationFilterInput { Eq = specialty } },
            };
        if (!await loader.LoadAsync(ct => GetDoctorDirectory.ExecuteAsync(dayStart: dayStart, dayEnd: dayEnd, where: where, cancellationToken: ct)))
        {
            return;
        }

        var result = loader.Data!;
        specialties = [.. result.Specialties.Select(s => s.Name).Order(StringComparer.CurrentCulture)];
        doctors = result.Doctors.Nodes ?? [];
        totalCount = result.Doctors.TotalCount;
        loadedSpecialty = specialty;
    }

    private static IReadOnlyList<string> Hours(IDoctorCard doctor) =>
        WorkingHoursText.Lines(doctor.WorkingHours.Select(h => (WorkingHoursText.ToSystem(h.DayOfWeek), h.StartTime, h.EndTime)));

    // Today's appointments that still count (not cancelled), the next one still to start, and any time off now.
    private (int Count, DateTimeOffset? Next, string? Away) Today(IDoctorCard doctor)
    {
        var active = doctor.Appointments.Where(a => a.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow)).ToList();
        var next = active.Where(a => a.StartsAt > now && a.Status == AppointmentStatus.Scheduled).OrderBy(a => a.StartsAt).FirstOrDefault();
        var away = doctor.TimeOff.FirstOrDefault(t => t.StartsAt <= now && t.EndsAt > now);
        return (active.Count, next is null ? null : TimeZoneInfo.ConvertTime(next.StartsAt, DataOptions.TimeZone), away is null ? null : away.Reason ?? "");
    }

    private static string Slug(string text) => new([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
