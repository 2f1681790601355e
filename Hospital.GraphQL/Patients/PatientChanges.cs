using Hospital.Data.Entities;

namespace Hospital.GraphQL.Patients;

/// <summary>The fields of the edit form: which differ between two patients (for ConcurrencyError), and copying them.</summary>
internal static class PatientChanges
{
    private static readonly (string Field, Func<Patient, object?> Value)[] Fields =
    [
        ("firstName", p => p.FirstName),
        ("lastName", p => p.LastName),
        ("dateOfBirth", p => p.DateOfBirth),
        ("sex", p => p.Sex),
        ("bloodType", p => p.BloodType),
        ("phone", p => p.Phone),
        ("email", p => p.Email),
        ("address.line1", p => p.Address?.Line1),
        ("address.line2", p => p.Address?.Line2),
        ("address.city", p => p.Address?.City),
        ("address.region", p => p.Address?.Region),
        ("address.postalCode", p => p.Address?.PostalCode),
        ("address.country", p => p.Address?.Country),
        ("emergencyContact.name", p => p.EmergencyContact?.Name),
        ("emergencyContact.relationship", p => p.EmergencyContact?.Relationship),
        ("emergencyContact.phone", p => p.EmergencyContact?.Phone),
        ("insurance.payer", p => p.Insurance?.Payer),
        ("insurance.policyNumber", p => p.Insurance?.PolicyNumber),
        ("insurance.validUntil", p => p.Insurance?.ValidUntil),
        ("isDeceased", p => p.IsDeceased),
        ("dateOfDeath", p => p.DateOfDeath),
    ];

    public static IReadOnlyList<string> Differences(Patient stored, Patient form) =>
        [.. Fields.Where(f => !Equals(f.Value(stored), f.Value(form))).Select(f => f.Field)];

    public static void Apply(Patient form, Patient patient)
    {
        patient.FirstName = form.FirstName;
        patient.LastName = form.LastName;
        patient.DateOfBirth = form.DateOfBirth;
        patient.Sex = form.Sex;
        patient.BloodType = form.BloodType;
        patient.Phone = form.Phone;
        patient.Email = form.Email;
        patient.Address = form.Address;
        patient.EmergencyContact = form.EmergencyContact;
        patient.Insurance = form.Insurance;
        patient.IsDeceased = form.IsDeceased;
        patient.DateOfDeath = form.DateOfDeath;
    }
}
