using Hospital.Data.Domain;
using Hospital.Data.Outbox;

namespace Hospital.Data.Entities;

public sealed class Appointment : IVersioned, IRaisesChanges
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public required DateTime StartsAt { get; set; }
    public required DateTime EndsAt { get; set; }
    public required string Reason { get; set; }
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Scheduled;
    public string? CancellationReason { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CheckedInAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int Version { get; set; }

    public Encounter? Encounter { get; set; }

    /// <summary>Every booking and change is news for the doctor's schedule and the patient's chart.</summary>
    public void RaiseChanges(ChangeContext changes) =>
        changes.Raise(ChangeTopics.AppointmentChanged, Id, ("doctor", DoctorId), ("patient", PatientId));

    /// <summary>Moves the appointment along its life cycle; see <see cref="AppointmentRules"/> for the allowed steps.</summary>
    public void TransitionTo(AppointmentStatus next, DateTime at, string? reason = null)
    {
        AppointmentRules.EnsureTransition(Status, next, reason);
        switch (next)
        {
            case AppointmentStatus.CheckedIn:
                CheckedInAt = at;
                break;
            case AppointmentStatus.InProgress:
                StartedAt = at;
                break;
            case AppointmentStatus.Completed:
                CompletedAt = at;
                break;
            case AppointmentStatus.Cancelled:
            case AppointmentStatus.NoShow:
                CancellationReason = reason!.Trim();
                break;
        }

        Status = next;
    }
}
