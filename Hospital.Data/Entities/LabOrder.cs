using Hospital.Data.Domain;
using Hospital.Data.Outbox;

namespace Hospital.Data.Entities;

public sealed class LabOrder : IVersioned, IRaisesChanges
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int? EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    public int OrderedById { get; set; }
    public Doctor? OrderedBy { get; set; }
    public required string TestCode { get; set; }
    public required string TestName { get; set; }
    public LabPriority Priority { get; set; } = LabPriority.Routine;
    public LabOrderStatus Status { get; private set; } = LabOrderStatus.Ordered;
    public required DateTime OrderedAt { get; set; }
    public DateTime? CollectedAt { get; private set; }
    public DateTime? ResultedAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public int Version { get; set; }

    public List<LabResult> Results { get; init; } = [];
    public List<LabNote> Notes { get; init; } = [];

    public void RaiseChanges(ChangeContext changes) => changes.Raise(ChangeTopics.LabOrderChanged, Id, ("patient", PatientId));

    /// <summary>Moves the order along its life cycle; see <see cref="LabOrderRules"/> for the allowed steps.</summary>
    public void TransitionTo(LabOrderStatus next, DateTime at, string? reason = null)
    {
        LabOrderRules.EnsureTransition(this, next, reason);
        switch (next)
        {
            case LabOrderStatus.Collected:
                CollectedAt = at;
                break;
            case LabOrderStatus.Resulted:
                ResultedAt = at;
                break;
            case LabOrderStatus.Cancelled:
                CancellationReason = reason!.Trim();
                break;
        }

        Status = next;
    }
}

public sealed class LabResult : IRaisesChanges
{
    public int Id { get; set; }
    public int LabOrderId { get; set; }
    public LabOrder? LabOrder { get; set; }
    public required string Analyte { get; set; }
    public required string Value { get; set; }
    public decimal? NumericValue { get; set; }
    public string? Unit { get; set; }
    public decimal? ReferenceLow { get; set; }
    public decimal? ReferenceHigh { get; set; }
    public string? ReferenceRange { get; set; }
    public ResultFlag Flag { get; set; } = ResultFlag.Normal;
    public required DateTime ResultedAt { get; set; }

    public void RaiseChanges(ChangeContext changes)
    {
        if (changes.IsNew)
        {
            changes.Raise(ChangeTopics.LabResultAdded, Id);
        }
    }
}

public sealed class LabNote : IRaisesChanges
{
    public int Id { get; set; }
    public int LabOrderId { get; set; }
    public LabOrder? LabOrder { get; set; }
    public int AuthorId { get; set; }
    public StaffMember? Author { get; set; }
    public required string Text { get; set; }
    public required DateTime WrittenAt { get; set; }

    public void RaiseChanges(ChangeContext changes)
    {
        if (changes.IsNew)
        {
            changes.Raise(ChangeTopics.LabNoteAdded, Id);
        }
    }
}
