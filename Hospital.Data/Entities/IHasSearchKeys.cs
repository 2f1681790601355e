namespace Hospital.Data.Entities;

/// <summary>
/// Records with normalised search columns derived from their own fields. <see cref="HospitalDbContext"/> and the bulk
/// inserter refresh them before every insert and update, so the columns the search indexes hold never lag the fields.
/// </summary>
public interface IHasSearchKeys
{
    void UpdateSearchKeys();
}
