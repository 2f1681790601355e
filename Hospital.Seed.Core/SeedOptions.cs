namespace Hospital.Seed;

/// <summary>
/// What to generate. The same <see cref="Seed"/> and <see cref="Today"/> give the same people and records;
/// <see cref="Today"/> anchors history and future appointments so the demo always has "today".
/// </summary>
public sealed record SeedOptions
{
    public const int DefaultPatients = 500;
    public const int DefaultSeed = 1234;

    public int Patients { get; init; } = DefaultPatients;
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The hospital-local date the data is built around; null means today in the hospital's time zone.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Drop and recreate the schema first, even when the database holds data.</summary>
    public bool Reset { get; init; }

    /// <summary>Password of the demo accounts; null generates a random one that the summary shows.</summary>
    public string? DemoPassword { get; init; }

    /// <summary>Patients written per transaction.</summary>
    public int BatchSize { get; init; } = 250;
}

/// <summary>Rows written per table, and the demo accounts created.</summary>
public sealed record SeedSummary(IReadOnlyList<(string Table, int Rows)> Counts, IReadOnlyList<(string UserName, string Role)> Accounts, string DemoPassword, TimeSpan Elapsed)
{
    public int TotalRows => Counts.Sum(c => c.Rows);
}

/// <summary>Progress of a seeding run: a named phase and how far it got.</summary>
public interface ISeedProgress
{
    void Phase(string name, int total);

    void Advance(string name, int by);

    void Log(string message);
}

public sealed class DatabaseNotEmptyException(string message) : Exception(message);
