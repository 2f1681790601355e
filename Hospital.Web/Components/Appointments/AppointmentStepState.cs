using Gql.Client;
using Hospital.Web.GraphQL;
using Radzen;

namespace Hospital.Web.Components.Appointments;

/// <summary>
/// The details dialog's state: the appointment as it now is, the step waiting for a reason, whether a step is being
/// sent, and what went wrong. The words of each step live here too, out of the markup.
/// </summary>
public sealed class AppointmentStepState(IScheduledAppointment appointment)
{
    /// <summary>The appointment as the latest step returned it.</summary>
    public IScheduledAppointment Current { get; private set; } = appointment;

    /// <summary>The closing step (cancel, no-show) that asks for its reason; null when none is being asked.</summary>
    public AppointmentStatus? ReasonFor { get; private set; }

    public string Reason { get; set; } = "";

    public bool Busy { get; private set; }

    /// <summary>True once a step succeeded: the dialog hands <see cref="Current"/> back to the schedule.</summary>
    public bool Changed { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Chooses a step: true when it can be sent now, false when it first asks for a reason.</summary>
    public bool Choose(AppointmentStatus next)
    {
        Error = null;
        if (!NeedsReason(next))
        {
            return true;
        }

        ReasonFor = next;
        Reason = "";
        return false;
    }

    /// <summary>Leaves the reason form.</summary>
    public void Back()
    {
        ReasonFor = null;
        Error = null;
    }

    /// <summary>Starts sending a step: false (with <see cref="Error"/> saying why) when its reason is missing.</summary>
    public bool Begin(AppointmentStatus next)
    {
        if (NeedsReason(next) && string.IsNullOrWhiteSpace(Reason))
        {
            Error = next == AppointmentStatus.Cancelled ? "Enter why the appointment is cancelled." : "Enter a note on the no-show.";
            return false;
        }

        Busy = true;
        Error = null;
        return true;
    }

    /// <summary>The answer of a step: the appointment it returned, or the words for why it was not made.</summary>
    public bool End(IScheduledAppointment? changed, string errors)
    {
        Busy = false;
        if (changed is null)
        {
            Error = errors;
            return false;
        }

        Current = changed;
        Changed = true;
        ReasonFor = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="user"/> takes this step on an appointment with <paramref name="doctorId"/>: reception checks
    /// in, cancels and marks no-shows; the appointment's own doctor starts and completes it.
    /// </summary>
    public static bool Takes(System.Security.Claims.ClaimsPrincipal user, string doctorId, AppointmentStatus next) => next switch
    {
        AppointmentStatus.CheckedIn or AppointmentStatus.Cancelled or AppointmentStatus.NoShow => Account.StaffAccess.RunsFrontDesk(user),
        AppointmentStatus.InProgress or AppointmentStatus.Completed => Account.StaffAccess.IsOwnDoctor(user, doctorId),
        _ => false,
    };

    public static bool NeedsReason(AppointmentStatus next) => next is AppointmentStatus.Cancelled or AppointmentStatus.NoShow;

    /// <summary>The button of a next step: its words, icon and weight.</summary>
    public static (string Label, string Icon, ButtonStyle Style) Step(AppointmentStatus next) => next switch
    {
        AppointmentStatus.CheckedIn => ("Check in", "how_to_reg", ButtonStyle.Primary),
        AppointmentStatus.InProgress => ("Start visit", "play_arrow", ButtonStyle.Primary),
        AppointmentStatus.Completed => ("Complete visit", "task_alt", ButtonStyle.Primary),
        AppointmentStatus.Cancelled => ("Cancel…", "event_busy", ButtonStyle.Danger),
        AppointmentStatus.NoShow => ("No-show…", "person_off", ButtonStyle.Danger),
        _ => (AppointmentStatusView.Label(next), "arrow_forward", ButtonStyle.Secondary),
    };

    public static string ReasonQuestion(AppointmentStatus closing) => closing == AppointmentStatus.Cancelled ? "Why is it cancelled?" : "Note on the no-show";

    public static string Confirm(AppointmentStatus closing) => closing == AppointmentStatus.Cancelled ? "Cancel appointment" : "Mark as no-show";

    /// <summary>The heading of a closed appointment's reason.</summary>
    public static string ReasonHeading(AppointmentStatus status) => status == AppointmentStatus.NoShow ? "Note" : "Cancelled because";

    /// <summary>"1 year", "34 years".</summary>
    public static string Years(int age) => age == 1 ? "1 year" : $"{age} years";

    /// <summary>What a step's result means for the dialog: the changed appointment, or the words for why not (typed payload errors, else transport or GraphQL errors).</summary>
    public static (IScheduledAppointment? Appointment, string Errors) Unpack<TData>(IOperationResult<TData> result, Func<TData, (IScheduledAppointment? Appointment, IEnumerable<string>? Errors)> read)
        where TData : class
    {
        if (result.Data is null || result.Errors.Count > 0)
        {
            return (null, ErrorText.Describe(result.Errors));
        }

        var (appointment, errors) = read(result.Data);
        var messages = errors?.ToList() ?? [];
        return messages.Count > 0 || appointment is null ? (null, messages.Count > 0 ? string.Join(" ", messages) : "The change was not made.") : (appointment, "");
    }
}
