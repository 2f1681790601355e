using Bogus;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>
/// Shared state of one generation run: the seeded random source, the clock anchor and the staff the patient
/// records refer to. Everything is drawn from <see cref="Faker"/> in a fixed order, so a seed reproduces the data.
/// </summary>
internal sealed class SeedContext
{
    public SeedContext(int seed, DateOnly today, TimeZoneInfo timeZone)
    {
        Faker = new Faker("en") { Random = new Randomizer(seed) };
        Today = today;
        TimeZone = timeZone;
        Now = ToUtc(today, new TimeOnly(12, 0));
    }

    public Faker Faker { get; }
    public Randomizer Random => Faker.Random;
    public DateOnly Today { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Midday of <see cref="Today"/>: the moment the data describes. Appointments before it happened, after it are booked.</summary>
    public DateTime Now { get; }

    public List<Department> Departments { get; } = [];
    public List<Doctor> Doctors { get; } = [];
    public List<Nurse> Nurses { get; } = [];
    public List<StaffMember> OtherStaff { get; } = [];
    public List<Ward> Wards { get; } = [];
    public Dictionary<string, List<Doctor>> DoctorsBySpecialty { get; } = [];

    public DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    public int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Int(0, items.Count - 1)];

    public bool Chance(double probability) => Random.Double() < probability;
}
