using Hospital.Data.Entities;

namespace Hospital.GraphQL.Patients;

// The parts of a patient's registration form; the mutations turn them into the owned entities.

public sealed class AddressInput
{
    public required string Line1 { get; init; }
    public string? Line2 { get; init; }
    public required string City { get; init; }
    public string? Region { get; init; }
    public required string PostalCode { get; init; }
    public required string Country { get; init; }

    internal Address ToEntity() => new()
    {
        Line1 = Line1.Trim(),
        Line2 = PatientInput.Clean(Line2),
        City = City.Trim(),
        Region = PatientInput.Clean(Region),
        PostalCode = PostalCode.Trim(),
        Country = Country.Trim(),
    };
}

public sealed class EmergencyContactInput
{
    public required string Name { get; init; }

    [GraphQLDescription("e.g. spouse, parent, friend.")]
    public required string Relationship { get; init; }

    public required string Phone { get; init; }

    internal EmergencyContact ToEntity() => new() { Name = Name.Trim(), Relationship = Relationship.Trim(), Phone = Phone.Trim() };
}

public sealed class InsuranceInput
{
    public required string Payer { get; init; }
    public required string PolicyNumber { get; init; }
    public DateOnly? ValidUntil { get; init; }

    internal Insurance ToEntity() => new() { Payer = Payer.Trim(), PolicyNumber = PolicyNumber.Trim(), ValidUntil = ValidUntil };
}

/// <summary>What registerPatient and updatePatient both write: the form's fields, trimmed, blanks as null.</summary>
internal static class PatientInput
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Emails compare case-insensitively in practice; stored lower-case, the duplicate check is an index seek.</summary>
    public static string? Email(string? value) => Clean(value)?.ToLowerInvariant();
}
