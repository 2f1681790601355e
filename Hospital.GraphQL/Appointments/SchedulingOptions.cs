namespace Hospital.GraphQL.Appointments;

/// <summary>
/// <c>Hospital:Scheduling</c>: the length of a slot (the grid free slots start on, and a booking's default length),
/// <c>SlotMinutes</c> for every department, overridden per department code under <c>DepartmentSlotMinutes</c>
/// (e.g. <c>Hospital:Scheduling:DepartmentSlotMinutes:CARD = 30</c>).
/// </summary>
public sealed class SchedulingOptions
{
    public const string Section = "Hospital:Scheduling";

    public int SlotMinutes { get; set; } = 15;

    public Dictionary<string, int> DepartmentSlotMinutes { get; set; } = [];

    public TimeSpan SlotLength(string? departmentCode)
    {
        var minutes = departmentCode is not null
            && DepartmentSlotMinutes.FirstOrDefault(d => string.Equals(d.Key, departmentCode, StringComparison.OrdinalIgnoreCase)) is { Value: > 0 } own
            ? own.Value
            : SlotMinutes;
        return TimeSpan.FromMinutes(Math.Max(minutes, (int)Hospital.Data.Domain.AppointmentRules.MinimumLength.TotalMinutes));
    }
}
