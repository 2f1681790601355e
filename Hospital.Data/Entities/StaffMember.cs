namespace Hospital.Data.Entities;

/// <summary>Everyone employed by the hospital; one table with a <see cref="Kind"/> discriminator.</summary>
public abstract class StaffMember : IVersioned
{
    public int Id { get; set; }
    public required string EmployeeNumber { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required DateOnly HireDate { get; set; }
    public bool IsActive { get; set; } = true;
    public StaffKind Kind { get; protected set; }
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

public sealed class Doctor : StaffMember
{
    public Doctor() => Kind = StaffKind.Doctor;

    public int SpecialtyId { get; set; }
    public Specialty? Specialty { get; set; }
    public required string LicenseNumber { get; set; }
    public required int YearsOfExperience { get; set; }
    public required decimal ConsultationFee { get; set; }

    public List<WorkingHours> WorkingHours { get; init; } = [];
    public List<TimeOff> TimeOff { get; init; } = [];
    public List<Appointment> Appointments { get; init; } = [];
}

public sealed class Nurse : StaffMember
{
    public Nurse() => Kind = StaffKind.Nurse;

    public required string LicenseNumber { get; set; }
    public int? WardId { get; set; }
    public Ward? Ward { get; set; }
}

public sealed class Receptionist : StaffMember
{
    public Receptionist() => Kind = StaffKind.Receptionist;
}

public sealed class Administrator : StaffMember
{
    public Administrator() => Kind = StaffKind.Administrator;
}

public sealed class SupportStaff : StaffMember
{
    public SupportStaff() => Kind = StaffKind.Support;

    /// <summary>Job title, e.g. Porter, Cleaner, Biomedical Technician.</summary>
    public required string Role { get; set; }
}

/// <summary>A weekly recurring block in which a doctor sees patients, in the hospital's local time.</summary>
public sealed class WorkingHours
{
    public int Id { get; set; }
    public int DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public required DayOfWeek DayOfWeek { get; set; }
    public required TimeOnly StartTime { get; set; }
    public required TimeOnly EndTime { get; set; }
}

/// <summary>A period (UTC instants) in which a doctor takes no appointments.</summary>
public sealed class TimeOff
{
    public int Id { get; set; }
    public int DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public required DateTime StartsAt { get; set; }
    public required DateTime EndsAt { get; set; }
    public string? Reason { get; set; }
}
