namespace Hospital.Data.Entities;

public sealed class Specialty
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }

    public List<Doctor> Doctors { get; init; } = [];
}
