using Hospital.Data.Domain;
using Hospital.Data.Outbox;

namespace Hospital.Data.Entities;

/// <summary>Where a waitlist entry stands: waiting, holding an offer of a freed slot, booked, or taken off the list.</summary>
public enum WaitlistStatus
{
    Waiting,
    Offered,
    Booked,
    Removed,
}

/// <summary>
/// A patient waiting for an earlier slot with a doctor or with anyone of a department. A cancellation offers the
/// freed slot to the first matching entry (<see cref="WaitlistRules"/>); the front desk calls the patient and accepts
/// (the slot is booked, or the patient's booking moved to it) or declines (it goes to the next in line).
/// </summary>
public sealed class WaitlistEntry : IVersioned, IRaisesChanges
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }

    /// <summary>The doctor the patient waits for; null when any doctor of <see cref="DepartmentId"/> will do.</summary>
    public int? DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }

    /// <summary>The booking the patient holds and wants earlier; only slots before it are offered, and accepting moves it.</summary>
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }

    public required string Reason { get; set; }
    public string? Notes { get; set; }
    public WaitlistStatus Status { get; private set; } = WaitlistStatus.Waiting;
    public DateTime CreatedAt { get; set; }

    /// <summary>The freed slot on offer (set while <see cref="WaitlistStatus.Offered"/>).</summary>
    public int? OfferedDoctorId { get; private set; }
    public Doctor? OfferedDoctor { get; set; }
    public DateTime? OfferedStartsAt { get; private set; }
    public DateTime? OfferedEndsAt { get; private set; }
    public DateTime? OfferedAt { get; private set; }

    /// <summary>The appointment an accepted offer booked (or moved).</summary>
    public int? BookedAppointmentId { get; private set; }
    public Appointment? BookedAppointment { get; set; }

    public DateTime? ClosedAt { get; private set; }
    public string? ClosedReason { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;

    /// <summary>Every change is news for the front desk's dashboard (offers to make calls about).</summary>
    public void RaiseChanges(ChangeContext changes) => changes.Raise(ChangeTopics.WaitlistChanged, Id);

    /// <summary>Offers a freed slot: WAITING → OFFERED.</summary>
    public void Offer(int doctorId, DateTime startsAt, DateTime endsAt, DateTime at)
    {
        Ensure(WaitlistStatus.Waiting, WaitlistStatus.Offered);
        (OfferedDoctorId, OfferedStartsAt, OfferedEndsAt, OfferedAt, Status) = (doctorId, startsAt, endsAt, at, WaitlistStatus.Offered);
    }

    /// <summary>The patient does not want the slot: OFFERED → WAITING, still in line for the next one.</summary>
    public void Decline()
    {
        Ensure(WaitlistStatus.Offered, WaitlistStatus.Waiting);
        ClearOffer();
        Status = WaitlistStatus.Waiting;
    }

    /// <summary>The offered slot is booked: OFFERED → BOOKED.</summary>
    public void Booked(Appointment appointment, DateTime at)
    {
        Ensure(WaitlistStatus.Offered, WaitlistStatus.Booked);
        BookedAppointment = appointment;
        if (appointment.Id != 0)
        {
            BookedAppointmentId = appointment.Id;
        }

        (Status, ClosedAt) = (WaitlistStatus.Booked, at);
    }

    /// <summary>Takes the entry off the list (the patient no longer waits), with a reason.</summary>
    public void Remove(string reason, DateTime at)
    {
        if (!IsOpen)
        {
            throw new InvalidStatusTransitionException(nameof(WaitlistEntry), Status.ToString(), nameof(WaitlistStatus.Removed), "it is no longer on the list");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException("take a patient off the waitlist");
        }

        ClearOffer();
        (Status, ClosedAt, ClosedReason) = (WaitlistStatus.Removed, at, reason.Trim());
    }

    private void ClearOffer() => (OfferedDoctorId, OfferedDoctor, OfferedStartsAt, OfferedEndsAt, OfferedAt) = (null, null, null, null, null);

    private void Ensure(WaitlistStatus from, WaitlistStatus to)
    {
        if (Status != from)
        {
            throw new InvalidStatusTransitionException(nameof(WaitlistEntry), Status.ToString(), to.ToString());
        }
    }
}
