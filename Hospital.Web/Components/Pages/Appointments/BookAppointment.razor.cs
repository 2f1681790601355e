using System.Globalization;
using Hospital.Web.Components.Appointments;
using Hospital.Web.Components.FrontDesk;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;

namespace Hospital.Web.Components.Pages.Appointments;

/// <summary>
/// The booking panel: the patient (found by name or MRN, or handed over by the chart), a department or doctor and a
/// day give the free times as buttons; one press books. Opened from the schedule (with its department, doctor and
/// day) and from the patient's chart (with the patient).
/// </summary>
public sealed partial class BookAppointment : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<IGetScheduleFilters_Departments> departments = [];
    private IReadOnlyList<IScheduleDoctor> doctors = [];
    private IReadOnlyList<IBookingPatient> patientMatches = [];
    private IReadOnlyList<IBookingSlot> slots = [];
    private IBookingPatient? patient;
    private IScheduledAppointment? booked;
    private IWaitlistRow? waitlisted;
    private string patientText = "";
    private string departmentId = "";
    private string doctorId = "";
    private string reason = "Consultation";
    private DateOnly day;
    private bool loadingSlots;
    private bool busy;
    private string? error;
    private string announcement = "";

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    [Inject]
    private IGetScheduleFiltersQuery GetScheduleFilters { get; set; } = null!;

    [Inject]
    private IFindPatientsToBookQuery FindPatients { get; set; } = null!;

    [Inject]
    private IGetBookingPatientQuery GetPatient { get; set; } = null!;

    [Inject]
    private IGetFreeSlotsQuery GetFreeSlots { get; set; } = null!;

    [Inject]
    private IBookAppointmentMutation Book { get; set; } = null!;

    [Inject]
    private IJoinWaitlistMutation JoinWaitlist { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "patient")]
    public string? PatientParameter { get; set; }

    [SupplyParameterFromQuery(Name = "doctor")]
    public string? DoctorParameter { get; set; }

    /// <summary>The department's code, as the schedule's address has it.</summary>
    [SupplyParameterFromQuery(Name = "department")]
    public string? DepartmentParameter { get; set; }

    /// <summary>A hospital-local date, yyyy-MM-dd; today when absent.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? DateParameter { get; set; }

    private string? DoctorId => doctorId.Length == 0 ? null : doctorId;

    private string? DepartmentId => departmentId.Length == 0 ? null : departmentId;

    private IEnumerable<IScheduleDoctor> DoctorChoices =>
        DepartmentId is null ? doctors : doctors.Where(d => d.Department?.Code == departments.FirstOrDefault(x => x.Id == DepartmentId)?.Code);

    protected override async Task OnInitializedAsync()
    {
        day = DateOnly.TryParseExact(DateParameter, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked >= Time.Today ? asked : Time.Today;
        var filters = await GetScheduleFilters.ExecuteAsync(disposed.Token);
        if (filters.Data is { } data)
        {
            departments = data.Departments;
            doctors = [.. data.Doctors?.Nodes ?? []];
            departmentId = departments.FirstOrDefault(d => string.Equals(d.Code, DepartmentParameter, StringComparison.OrdinalIgnoreCase))?.Id ?? "";
            if (doctors.FirstOrDefault(d => d.Id == DoctorParameter) is { } doctor)
            {
                doctorId = doctor.Id;
                departmentId = departments.FirstOrDefault(d => d.Code == doctor.Department?.Code)?.Id ?? departmentId;
            }
        }
        else
        {
            error = ErrorText.Describe(filters.Errors);
        }

        if (!string.IsNullOrEmpty(PatientParameter))
        {
            patient = (await GetPatient.ExecuteAsync(PatientParameter, disposed.Token)).Data?.Patient;
        }

        await LoadSlotsAsync();
    }

    private async Task SearchPatientsAsync()
    {
        var text = patientText.Trim();
        if (text.Length < 2)
        {
            patientMatches = [];
            return;
        }

        var result = await FindPatients.ExecuteAsync(text, disposed.Token);
        if (text == patientText.Trim())
        {
            patientMatches = [.. result.Data?.Patients?.Nodes ?? []];
        }
    }

    private void ChoosePatient(IBookingPatient chosen)
    {
        patient = chosen;
        patientMatches = [];
        announcement = $"Patient {chosen.FullName} chosen.";
    }

    private void ClearPatient()
    {
        patient = null;
        patientText = "";
    }

    private async Task LoadSlotsAsync()
    {
        if (DoctorId is not null && DepartmentId is not null && !DoctorChoices.Any(d => d.Id == DoctorId))
        {
            doctorId = "";
        }

        if (DoctorId is null && DepartmentId is null)
        {
            slots = [];
            return;
        }

        loadingSlots = true;
        var (from, to) = Time.Day(day);
        var result = await GetFreeSlots.ExecuteAsync(from: from, to: to, doctorId: DoctorId, departmentId: DoctorId is null ? DepartmentId : null, cancellationToken: disposed.Token);
        loadingSlots = false;
        error = result.Data is null ? ErrorText.Describe(result.Errors) : null;
        slots = [.. result.Data?.AvailableSlots ?? []];
        announcement = $"{slots.Count} free times.";
    }

    private async Task BookAsync(IBookingSlot slot)
    {
        if (patient is null || busy)
        {
            return;
        }

        busy = true;
        error = null;
        var result = await Book.ExecuteAsync(patientId: patient.Id, doctorId: slot.Doctor.Id, reason: reason.Trim(), startsAt: slot.StartsAt, cancellationToken: disposed.Token);
        busy = false;
        var (appointment, errors) = AppointmentStepState.Unpack(result, d => (d.BookAppointment.Appointment, d.BookAppointment.Errors?.Select(ErrorText.Message)));
        if (appointment is null)
        {
            error = errors;
            await LoadSlotsAsync();
            return;
        }

        booked = appointment;
        announcement = $"Booked {SlotLabel(slot)}.";
        slots = [.. slots.Where(s => s.Doctor.Id != slot.Doctor.Id || s.EndsAt <= slot.StartsAt || s.StartsAt >= appointment.EndsAt)];
    }

    /// <summary>The patient is here without a booking: booked with the chosen doctor from now, and checked in at once.</summary>
    private async Task WalkInAsync()
    {
        if (patient is null || busy || DoctorId is not { } doctor)
        {
            return;
        }

        busy = true;
        error = null;
        var result = await Book.ExecuteAsync(patientId: patient.Id, doctorId: doctor, reason: reason.Trim(), startsAt: null, walkIn: true, cancellationToken: disposed.Token);
        busy = false;
        var (appointment, errors) = AppointmentStepState.Unpack(result, d => (d.BookAppointment.Appointment, d.BookAppointment.Errors?.Select(ErrorText.Message)));
        if (appointment is null)
        {
            error = errors;
            return;
        }

        booked = appointment;
        announcement = $"{appointment.Patient.FullName} booked now and checked in.";
        await LoadSlotsAsync();
    }

    /// <summary>No time suits: the patient waits for the chosen doctor (or any of the department) and hears of the first freed slot.</summary>
    private async Task JoinWaitlistAsync()
    {
        if (patient is null || busy || (DoctorId is null && DepartmentId is null))
        {
            return;
        }

        busy = true;
        error = null;
        var result = await JoinWaitlist.ExecuteAsync(
            patientId: patient.Id, doctorId: DoctorId, departmentId: DoctorId is null ? DepartmentId : null, appointmentId: null, reason: reason.Trim(), notes: null, cancellationToken: disposed.Token);
        busy = false;
        var (entry, errors) = MutationOutcome.Unpack(result, d => (d.JoinWaitlist.WaitlistEntry, d.JoinWaitlist.Errors));
        if (entry is null)
        {
            error = errors;
            return;
        }

        waitlisted = entry;
        announcement = $"{entry.Patient.FullName} is on the waitlist.";
    }

    private string SlotLabel(IBookingSlot slot) => DoctorId is null ? $"{Time.Time(slot.StartsAt)} {AppointmentTimes.Doctor(slot.Doctor.FullName)}" : Time.Time(slot.StartsAt);

    private string ScheduleLink(IScheduledAppointment appointment) =>
        $"appointments?view=day&date={DateOnly.FromDateTime(Time.Local(appointment.StartsAt).DateTime):yyyy-MM-dd}&doctor={Uri.EscapeDataString(appointment.Doctor.Id)}";

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
