namespace Hospital.Data.Entities;

/// <summary>A move of an admitted patient from one bed to another (another ward, perhaps): the stay's bed history.</summary>
public sealed class BedTransfer
{
    public int Id { get; set; }
    public int AdmissionId { get; set; }
    public Admission? Admission { get; set; }
    public int FromBedId { get; set; }
    public Bed? FromBed { get; set; }
    public int ToBedId { get; set; }
    public Bed? ToBed { get; set; }
    public required DateTime TransferredAt { get; set; }
    public required string Reason { get; set; }

    /// <summary>The member of staff who moved the patient, when known.</summary>
    public int? TransferredById { get; set; }
}
