using System.Net.Mail;
using System.Text.RegularExpressions;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Patients;

/// <summary>
/// The registration and edit form's fields and their rules. The keys of <see cref="Validate"/> are the API's input paths
/// (firstName, address.city, ...), so messages from the form and from the API's ValidationError land beside the same field.
/// </summary>
public sealed partial class PatientFormModel
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public Sex? Sex { get; set; }
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactRelationship { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string InsurancePayer { get; set; } = "";
    public string PolicyNumber { get; set; } = "";
    public DateOnly? InsuranceValidUntil { get; set; }
    public bool IsDeceased { get; set; }
    public DateOnly? DateOfDeath { get; set; }

    private bool HasAddress => Any(AddressLine1, AddressLine2, City, Region, PostalCode, Country);
    private bool HasContact => Any(ContactName, ContactRelationship, ContactPhone);
    private bool HasInsurance => Any(InsurancePayer, PolicyNumber) || InsuranceValidUntil is not null;

    /// <summary>What the duplicate check compares: a change to any of it asks again before registering.</summary>
    public string DuplicateKey => string.Join('|', FirstName.Trim(), LastName.Trim(), DateOfBirth, Phone.Trim(), Email.Trim());

    [GeneratedRegex(@"^\+?[0-9 ()\-.x]{7,30}$")]
    private static partial Regex PhonePattern();

    /// <summary>Messages by input path; empty when the form may be sent.</summary>
    public IReadOnlyDictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, "firstName", FirstName, "Enter the first name.");
        Required(errors, "lastName", LastName, "Enter the last name.");
        if (DateOfBirth is not { } born)
        {
            errors["dateOfBirth"] = "Enter the date of birth.";
        }
        else if (born > today || born < new DateOnly(1900, 1, 1))
        {
            errors["dateOfBirth"] = "The date of birth must be between 1 Jan 1900 and today.";
        }

        if (Sex is null)
        {
            errors["sex"] = "Choose the sex.";
        }

        CheckPhone(errors, "phone", Phone, optional: true);
        if (Email.Trim() is { Length: > 0 } email && !(MailAddress.TryCreate(email, out var address) && address.Address == email))
        {
            errors["email"] = "Enter an email address such as name@example.org.";
        }

        if (HasAddress)
        {
            Required(errors, "address.line1", AddressLine1, "Enter the street and number.");
            Required(errors, "address.city", City, "Enter the city.");
            Required(errors, "address.postalCode", PostalCode, "Enter the postal code.");
            Required(errors, "address.country", Country, "Enter the country.");
        }

        if (HasContact)
        {
            Required(errors, "emergencyContact.name", ContactName, "Enter the contact's name.");
            Required(errors, "emergencyContact.relationship", ContactRelationship, "Say how they are related, e.g. spouse.");
            CheckPhone(errors, "emergencyContact.phone", ContactPhone, optional: false);
        }

        if (HasInsurance)
        {
            Required(errors, "insurance.payer", InsurancePayer, "Enter the insurer.");
            Required(errors, "insurance.policyNumber", PolicyNumber, "Enter the policy number.");
        }

        if (IsDeceased && DateOfDeath is { } died && (died > today || (DateOfBirth is { } b && died < b)))
        {
            errors["dateOfDeath"] = "The date of death must be between the date of birth and today.";
        }

        return errors;
    }

    public RegisterPatientInput ToRegisterInput() => new()
    {
        FirstName = FirstName.Trim(),
        LastName = LastName.Trim(),
        DateOfBirth = DateOfBirth!.Value,
        Sex = Sex!.Value,
        Phone = OrNull(Phone),
        Email = OrNull(Email),
        Address = ToAddress(),
        EmergencyContact = ToContact(),
        Insurance = ToInsurance(),
    };

    public UpdatePatientInput ToUpdateInput(string patientId, int version) => new()
    {
        PatientId = patientId,
        Version = version,
        FirstName = FirstName.Trim(),
        LastName = LastName.Trim(),
        DateOfBirth = DateOfBirth!.Value,
        Sex = Sex!.Value,
        Phone = OrNull(Phone),
        Email = OrNull(Email),
        Address = ToAddress(),
        EmergencyContact = ToContact(),
        Insurance = ToInsurance(),
        IsDeceased = IsDeceased,
        DateOfDeath = IsDeceased ? DateOfDeath : null,
    };

    public static PatientFormModel From(IGetPatientForEdit_Patient patient) => new()
    {
        FirstName = patient.FirstName,
        LastName = patient.LastName,
        DateOfBirth = patient.DateOfBirth,
        Sex = patient.Sex,
        Phone = patient.Phone ?? "",
        Email = patient.Email ?? "",
        AddressLine1 = patient.Address?.Line1 ?? "",
        AddressLine2 = patient.Address?.Line2 ?? "",
        City = patient.Address?.City ?? "",
        Region = patient.Address?.Region ?? "",
        PostalCode = patient.Address?.PostalCode ?? "",
        Country = patient.Address?.Country ?? "",
        ContactName = patient.EmergencyContact?.Name ?? "",
        ContactRelationship = patient.EmergencyContact?.Relationship ?? "",
        ContactPhone = patient.EmergencyContact?.Phone ?? "",
        InsurancePayer = patient.Insurance?.Payer ?? "",
        PolicyNumber = patient.Insurance?.PolicyNumber ?? "",
        InsuranceValidUntil = patient.Insurance?.ValidUntil,
        IsDeceased = patient.IsDeceased,
        DateOfDeath = patient.DateOfDeath,
    };

    /// <summary>The API's ValidationError by input path (rules without a field under ""), for the form to show inline.</summary>
    public static IReadOnlyDictionary<string, string> FromApi(IEnumerable<(string? Field, string Message)> fields)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, message) in fields)
        {
            var key = field ?? "";
            errors[key] = errors.TryGetValue(key, out var earlier) ? $"{earlier} {Sentence(message)}" : Sentence(message);
        }

        return errors;
    }

    private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");

    private AddressInput? ToAddress() => HasAddress
        ? new AddressInput { Line1 = AddressLine1.Trim(), Line2 = OrNull(AddressLine2), City = City.Trim(), Region = OrNull(Region), PostalCode = PostalCode.Trim(), Country = Country.Trim() }
        : null;

    private EmergencyContactInput? ToContact() => HasContact
        ? new EmergencyContactInput { Name = ContactName.Trim(), Relationship = ContactRelationship.Trim(), Phone = ContactPhone.Trim() }
        : null;

    private InsuranceInput? ToInsurance() => HasInsurance
        ? new InsuranceInput { Payer = InsurancePayer.Trim(), PolicyNumber = PolicyNumber.Trim(), ValidUntil = InsuranceValidUntil }
        : null;

    private static string? OrNull(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Any(params string[] values) => values.Any(v => !string.IsNullOrWhiteSpace(v));

    private static void Required(Dictionary<string, string> errors, string field, string value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
    }

    private static void CheckPhone(Dictionary<string, string> errors, string field, string value, bool optional)
    {
        var text = value.Trim();
        if (text.Length == 0 ? !optional : !PhonePattern().IsMatch(text))
        {
            errors[field] = optional || text.Length > 0 ? "Enter a phone number such as +1 555 123 4567." : "Enter the contact's phone number.";
        }
    }
}
