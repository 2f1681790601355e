namespace Hospital.Data.Entities;

/// <summary>The medical record of one visit or inpatient stay.</summary>
public sealed class Encounter : IVersioned
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public int? AdmissionId { get; set; }
    public Admission? Admission { get; set; }
    public required DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public required string ChiefComplaint { get; set; }
    public string? Notes { get; set; }
    public string? FollowUp { get; set; }
    public DateOnly? FollowUpDate { get; set; }
    public int Version { get; set; }

    public List<Diagnosis> Diagnoses { get; init; } = [];
    public List<VitalSigns> Vitals { get; init; } = [];
    public List<Prescription> Prescriptions { get; init; } = [];
    public List<LabOrder> LabOrders { get; init; } = [];
}

public sealed class Diagnosis
{
    public int Id { get; set; }
    public int EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    public required string IcdCode { get; set; }
    public required string Description { get; set; }
    public bool IsPrimary { get; set; }
}

public sealed class VitalSigns
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int? EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    public int RecordedById { get; set; }
    public StaffMember? RecordedBy { get; set; }
    public required DateTime RecordedAt { get; set; }
    public decimal? TemperatureCelsius { get; set; }
    public int? SystolicPressure { get; set; }
    public int? DiastolicPressure { get; set; }
    public int? PulseRate { get; set; }
    public int? RespiratoryRate { get; set; }
    public int? OxygenSaturation { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
}

public sealed class Prescription : IVersioned
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int? EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    public int PrescriberId { get; set; }
    public Doctor? Prescriber { get; set; }
    public required string Medication { get; set; }
    public required string Dose { get; set; }
    public required MedicationRoute Route { get; set; }
    public required string Frequency { get; set; }
    public int? DurationDays { get; set; }
    public int Refills { get; set; }
    public PrescriptionStatus Status { get; set; } = PrescriptionStatus.Active;
    public required DateTime PrescribedAt { get; set; }
    public int Version { get; set; }
}
