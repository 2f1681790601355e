namespace Hospital.Data.Entities;

/// <summary>A clinical department (one per specialty) or a non-clinical one such as Administration.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Code { get; set; }
    public int? SpecialtyId { get; set; }
    public Specialty? Specialty { get; set; }
    public int? HeadDoctorId { get; set; }
    public Doctor? HeadDoctor { get; set; }
    public string? Phone { get; set; }
    public string? Location { get; set; }

    public List<StaffMember> Staff { get; init; } = [];
    public List<Ward> Wards { get; init; } = [];
}
