using Hospital.Data.Outbox;

namespace Hospital.Data.Entities;

public sealed class Ward
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required string Name { get; set; }
    public required int Floor { get; set; }
    public required WardKind Kind { get; set; }

    public List<Bed> Beds { get; init; } = [];
    public List<Nurse> Nurses { get; init; } = [];
}

public sealed class Bed : IVersioned, IRaisesChanges
{
    public int Id { get; set; }
    public int WardId { get; set; }
    public Ward? Ward { get; set; }
    public required string Label { get; set; }
    public BedStatus Status { get; set; } = BedStatus.Available;
    public int Version { get; set; }

    public List<Admission> Admissions { get; init; } = [];

    public void RaiseChanges(ChangeContext changes) => changes.Raise(ChangeTopics.BedChanged, Id, ("ward", WardId));
}

public sealed class Admission : IVersioned, IRaisesChanges
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int BedId { get; set; }
    public Bed? Bed { get; set; }
    public int AttendingDoctorId { get; set; }
    public Doctor? AttendingDoctor { get; set; }
    public required DateTime AdmittedAt { get; set; }
    public DateTime? DischargedAt { get; set; }
    public required string Reason { get; set; }
    public string? DischargeSummary { get; set; }
    public int Version { get; set; }

    /// <summary>The beds the stay moved through, oldest first (the first bed is the one the transfers start from).</summary>
    public List<BedTransfer> Transfers { get; init; } = [];

    public bool IsActive => DischargedAt is null;

    /// <summary>An admission, transfer or discharge changes its bed's occupant (and a transfer, the bed it left).</summary>
    public void RaiseChanges(ChangeContext changes)
    {
        changes.Raise(ChangeTopics.BedChanged, BedId);
        if (!changes.IsNew && changes.Original<int>(nameof(BedId)) is var previous && previous != BedId)
        {
            changes.Raise(ChangeTopics.BedChanged, previous);
        }
    }
}
