namespace Hospital.Data.Entities;

public sealed class Patient : IVersioned, IHasSearchKeys
{
    public int Id { get; set; }

    /// <summary>Medical record number, unique and human-readable, e.g. <c>MRN-0004217</c>.</summary>
    public required string Mrn { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required DateOnly DateOfBirth { get; set; }
    public required Sex Sex { get; set; }
    public BloodType BloodType { get; set; } = BloodType.Unknown;
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public Address? Address { get; set; }
    public EmergencyContact? EmergencyContact { get; set; }
    public Insurance? Insurance { get; set; }
    public DateTime RegisteredAt { get; set; }
    public int Version { get; set; }

    /// <summary>False once deactivated (merged, registered by mistake, moved away): patients are never deleted.</summary>
    public bool IsActive { get; set; } = true;
    public bool IsDeceased { get; set; }
    public DateOnly? DateOfDeath { get; set; }

    /// <summary>"last first", normalised by <see cref="SearchText"/>: the index that name search seeks in.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>"first last", normalised, so typing the first name first also finds the patient through an index.</summary>
    public string SearchNameReversed { get; private set; } = "";

    /// <summary>The phone's digits only, so "+1 555 123" and "1555123" find the same patient.</summary>
    public string? SearchPhone { get; private set; }

    public List<Allergy> Allergies { get; init; } = [];
    public List<Condition> Conditions { get; init; } = [];
    public List<Appointment> Appointments { get; init; } = [];
    public List<Encounter> Encounters { get; init; } = [];
    public List<VitalSigns> Vitals { get; init; } = [];
    public List<Prescription> Prescriptions { get; init; } = [];
    public List<LabOrder> LabOrders { get; init; } = [];
    public List<Admission> Admissions { get; init; } = [];
    public List<Invoice> Invoices { get; init; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public void UpdateSearchKeys()
    {
        SearchName = SearchText.Normalize(LastName + " " + FirstName);
        SearchNameReversed = SearchText.Normalize(FirstName + " " + LastName);
        SearchPhone = SearchText.Digits(Phone);
    }
}

public sealed class Address
{
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public required string City { get; set; }
    public string? Region { get; set; }
    public required string PostalCode { get; set; }
    public required string Country { get; set; }
}

public sealed class EmergencyContact
{
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public required string Phone { get; set; }
}

public sealed class Insurance
{
    public required string Payer { get; set; }
    public required string PolicyNumber { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

public sealed class Allergy
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string Substance { get; set; }
    public required string Reaction { get; set; }
    public required AllergySeverity Severity { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>An entry of the patient's problem list (chronic conditions), coded in ICD-10.</summary>
public sealed class Condition
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string IcdCode { get; set; }
    public required string Description { get; set; }
    public DateOnly? OnsetDate { get; set; }
    public ConditionStatus Status { get; set; } = ConditionStatus.Active;
}
