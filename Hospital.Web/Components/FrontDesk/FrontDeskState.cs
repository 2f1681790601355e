using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.FrontDesk;

/// <summary>
/// What the front desk sees of its day, kept current by mutation results and subscription payloads instead of reloads:
/// today's appointments (arrivals; the waiting room; late and no-show candidates) and the open waitlist (offers to
/// call about; who waits). Views are computed against a given "now", so waiting times and lateness move on with the
/// clock without asking the server.
/// </summary>
/// <param name="dayStart">The hospital's local midnight that starts the day shown, as an instant.</param>
/// <param name="dayEnd">The next local midnight.</param>
/// <param name="noShowAfter">How long after its start a booking nobody checked in becomes a no-show candidate.</param>
public sealed class FrontDeskState(DateTimeOffset dayStart, DateTimeOffset dayEnd, TimeSpan noShowAfter)
{
    private readonly Dictionary<string, IScheduledAppointment> appointments = [];
    private readonly Dictionary<string, IWaitlistRow> waitlist = [];
    private int waitlistOutside;

    /// <summary>How long after its start a booking becomes a no-show candidate (15 minutes unless configured).</summary>
    public TimeSpan NoShowAfter => noShowAfter;

    /// <summary>Shows a freshly loaded day.</summary>
    public void Load(IEnumerable<IScheduledAppointment> day, IEnumerable<IWaitlistRow> open, int openCount)
    {
        appointments.Clear();
        waitlist.Clear();
        foreach (var appointment in day)
        {
            appointments[appointment.Id] = appointment;
        }

        foreach (var entry in open)
        {
            waitlist[entry.Id] = entry;
        }

        // The load shows the first in line; the rest are counted, not listed.
        waitlistOutside = Math.Max(0, openCount - waitlist.Count);
    }

    /// <summary>Puts a booked or changed appointment in place: in the day, updated; moved out of it, gone.</summary>
    public void Apply(IScheduledAppointment changed)
    {
        if (changed.StartsAt < dayEnd && changed.EndsAt > dayStart)
        {
            appointments[changed.Id] = changed;
        }
        else
        {
            appointments.Remove(changed.Id);
        }
    }

    /// <summary>Puts a changed waitlist entry in place: open entries stay (updated), booked and removed ones leave.</summary>
    public void Apply(IWaitlistRow changed)
    {
        if (changed.Status is WaitlistStatus.Waiting or WaitlistStatus.Offered)
        {
            waitlist[changed.Id] = changed;
        }
        else
        {
            waitlist.Remove(changed.Id);
        }
    }

    /// <summary>Today's appointments by start time (cancelled ones too, struck through by the page), then patient.</summary>
    public IReadOnlyList<IScheduledAppointment> Arrivals =>
        [.. appointments.Values.OrderBy(a => a.StartsAt).ThenBy(a => a.Patient.FullName, StringComparer.CurrentCulture)];

    /// <summary>Checked in and not yet seen, longest waiting first, with how long each has waited.</summary>
    public IReadOnlyList<(IScheduledAppointment Appointment, TimeSpan Waited)> WaitingRoom(DateTimeOffset now) =>
        [.. appointments.Values
            .Where(a => a.Status == AppointmentStatus.CheckedIn)
            .Select(a => (a, Waited: now - (a.CheckedInAt ?? a.StartsAt)))
            .OrderByDescending(w => w.Waited)];

    /// <summary>Booked, due and not here: how late each is, and whether it is past <see cref="NoShowAfter"/>.</summary>
    public IReadOnlyList<(IScheduledAppointment Appointment, TimeSpan Late, bool NoShowCandidate)> Late(DateTimeOffset now) =>
        [.. appointments.Values
            .Where(a => a.Status == AppointmentStatus.Scheduled && a.StartsAt < now)
            .Select(a => (a, Late: now - a.StartsAt, NoShowCandidate: now - a.StartsAt >= noShowAfter))
            .OrderByDescending(l => l.Late)];

    /// <summary>Offers of freed slots waiting for the desk to call the patient, oldest offer first.</summary>
    public IReadOnlyList<IWaitlistRow> Offers =>
        [.. waitlist.Values.Where(e => e.Status == WaitlistStatus.Offered).OrderBy(e => e.OfferedAt).ThenBy(e => e.CreatedAt)];

    /// <summary>Who waits (without an offer), first in line first.</summary>
    public IReadOnlyList<IWaitlistRow> Waiting =>
        [.. waitlist.Values.Where(e => e.Status == WaitlistStatus.Waiting).OrderBy(e => e.CreatedAt)];

    /// <summary>How many wait in all, those beyond the first page included.</summary>
    public int WaitingCount => Waiting.Count + waitlistOutside;

    /// <summary>Counts for the day's summary line.</summary>
    public int Count(AppointmentStatus status) => appointments.Values.Count(a => a.Status == status);
}
