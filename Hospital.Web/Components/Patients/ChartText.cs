using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Patients;

/// <summary>How the chart's facts read: one place for its words, out of the markup.</summary>
public static class ChartText
{
    private const string None = "—";

    public static string Blood(BloodType type) => type switch
    {
        BloodType.APositive => "A+", BloodType.ANegative => "A−", BloodType.BPositive => "B+", BloodType.BNegative => "B−",
        BloodType.AbPositive => "AB+", BloodType.AbNegative => "AB−", BloodType.OPositive => "O+", BloodType.ONegative => "O−",
        _ => "unknown",
    };

    /// <summary>"born 3 Mar 1961 (65 y)".</summary>
    public static string Born(DateOnly dateOfBirth, int age) => $"born {dateOfBirth.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({age} y)";

    public static ChipTone Severity(AllergySeverity severity) => severity switch
    {
        AllergySeverity.LifeThreatening => ChipTone.Critical,
        AllergySeverity.Severe => ChipTone.Danger,
        AllergySeverity.Moderate => ChipTone.Warning,
        _ => ChipTone.Info,
    };

    /// <summary>Severe and life-threatening allergies carry a warning sign as well as their colour.</summary>
    public static bool Warns(AllergySeverity severity) => severity is AllergySeverity.Severe or AllergySeverity.LifeThreatening;

    public static string OrNone(string? text) => string.IsNullOrWhiteSpace(text) ? None : text;

    /// <summary>The address on two lines: street, then postal code, city, region and country; empty when there is none.</summary>
    public static IReadOnlyList<string> Address(IGetPatientChart_Patient_Address? address) => address is null ? [] :
    [
        address.Line1 + (address.Line2 is null ? "" : ", " + address.Line2),
        $"{address.PostalCode} {address.City}{(address.Region is null ? "" : ", " + address.Region)}, {address.Country}",
    ];

    /// <summary>"Ann Lee (sister), +44 20 7946 0000".</summary>
    public static string EmergencyContact(IGetPatientChart_Patient_EmergencyContact? contact) =>
        contact is null ? None : $"{contact.Name} ({contact.Relationship}), {contact.Phone}";

    /// <summary>"Acme Health · P-123 · valid until 31 Dec 2026", or self-pay.</summary>
    public static string Insurance(IGetPatientChart_Patient_Insurance? insurance) =>
        insurance is null ? "Self-pay"
        : $"{insurance.Payer} · {insurance.PolicyNumber}" + (insurance.ValidUntil is { } until ? $" · valid until {until.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}" : "");

    /// <summary>"(E11.9, since 2019)".</summary>
    public static string ConditionNote(string icdCode, DateOnly? onset) => $"({icdCode}{(onset is { } d ? $", since {d.Year}" : "")})";

    /// <summary>A tab's title with its count: "Lab results (3)".</summary>
    public static string Tab(string name, int count) => $"{name} ({count})";
}
