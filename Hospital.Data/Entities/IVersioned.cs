namespace Hospital.Data.Entities;

/// <summary>
/// Marks records that staff edit concurrently. <see cref="HospitalDbContext"/> bumps <see cref="Version"/> on every
/// update and EF Core compares it in the WHERE clause, so a stale write fails instead of silently winning.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
