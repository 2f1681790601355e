namespace Hospital.Web.Components.Patients;

/// <summary>The patient form's labels for the API's input paths (ConcurrencyError's changedFields).</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["firstName"] = "first name",
        ["lastName"] = "last name",
        ["dateOfBirth"] = "date of birth",
        ["sex"] = "sex",
        ["bloodType"] = "blood type",
        ["phone"] = "phone",
        ["email"] = "email",
        ["address.line1"] = "street",
        ["address.line2"] = "address line 2",
        ["address.city"] = "city",
        ["address.region"] = "region",
        ["address.postalCode"] = "postal code",
        ["address.country"] = "country",
        ["emergencyContact.name"] = "emergency contact's name",
        ["emergencyContact.relationship"] = "emergency contact's relationship",
        ["emergencyContact.phone"] = "emergency contact's phone",
        ["insurance.payer"] = "insurer",
        ["insurance.policyNumber"] = "policy number",
        ["insurance.validUntil"] = "insurance validity",
        ["isDeceased"] = "deceased",
        ["dateOfDeath"] = "date of death",
    };

    public static string Of(string field) => Labels.GetValueOrDefault(field, field);
}
