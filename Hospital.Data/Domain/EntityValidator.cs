using System.Net.Mail;
using System.Text.RegularExpressions;
using Hospital.Data.Entities;

namespace Hospital.Data.Domain;

/// <summary>
/// Field rules for every entity. <see cref="HospitalDbContext"/> runs them on each insert and update, so the seeder,
/// the API and the tests are held to the same rules; callers can also run them early to report errors per field.
/// </summary>
public static partial class EntityValidator
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    [GeneratedRegex(@"^MRN-\d{7}$")]
    public static partial Regex MrnPattern();

    [GeneratedRegex(@"^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    public static partial Regex IcdPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-.x]{7,30}$")]
    private static partial Regex PhonePattern();

    public static string FormatMrn(int sequence) => $"MRN-{sequence:D7}";

    public static IReadOnlyList<string> Validate(object entity, DateTime utcNow)
    {
        var errors = new Errors(entity.GetType().Name);
        switch (entity)
        {
            case Patient p:
                errors.Check(MrnPattern().IsMatch(p.Mrn), "Mrn", "must look like MRN-0000000");
                errors.Required(p.FirstName, "FirstName");
                errors.Required(p.LastName, "LastName");
                errors.Check(p.DateOfBirth >= EarliestBirthDate, "DateOfBirth", "must be after 1900-01-01");
                errors.Check(p.DateOfBirth <= DateOnly.FromDateTime(utcNow.AddDays(1)), "DateOfBirth", "must not be in the future");
                errors.Phone(p.Phone, "Phone");
                errors.Email(p.Email, "Email");
                errors.Check(p.DateOfDeath is null || p.IsDeceased, "DateOfDeath", "is only for a deceased patient");
                errors.Check(p.DateOfDeath is null || p.DateOfDeath >= p.DateOfBirth, "DateOfDeath", "must not be before the date of birth");
                errors.Check(p.DateOfDeath is null || p.DateOfDeath <= DateOnly.FromDateTime(utcNow.AddDays(1)), "DateOfDeath", "must not be in the future");
                if (p.Address is { } address)
                {
                    errors.Required(address.Line1, "Address.Line1");
                    errors.Required(address.City, "Address.City");
                    errors.Required(address.PostalCode, "Address.PostalCode");
                    errors.Required(address.Country, "Address.Country");
                }

                if (p.EmergencyContact is { } ec)
                {
                    errors.Required(ec.Name, "EmergencyContact.Name");
                    errors.Phone(ec.Phone, "EmergencyContact.Phone");
                }

                if (p.Insurance is { } ins)
                {
                    errors.Required(ins.Payer, "Insurance.Payer");
                    errors.Required(ins.PolicyNumber, "Insurance.PolicyNumber");
                }

                break;
            case Allergy a:
                errors.Required(a.Substance, "Substance");
                errors.Required(a.Reaction, "Reaction");
                break;
            case Condition c:
                errors.Check(IcdPattern().IsMatch(c.IcdCode), "IcdCode", "must be an ICD-10 code such as E11.9");
                errors.Required(c.Description, "Description");
                break;
            case Diagnosis d:
                errors.Check(IcdPattern().IsMatch(d.IcdCode), "IcdCode", "must be an ICD-10 code such as E11.9");
                errors.Required(d.Description, "Description");
                break;
            case StaffMember s:
                errors.Required(s.EmployeeNumber, "EmployeeNumber");
                errors.Required(s.FirstName, "FirstName");
                errors.Required(s.LastName, "LastName");
                errors.Email(s.Email, "Email");
                errors.Phone(s.Phone, "Phone");
                if (s is Doctor doc)
                {
                    errors.Required(doc.LicenseNumber, "LicenseNumber");
                    errors.Check(doc.YearsOfExperience is >= 0 and <= 70, "YearsOfExperience", "must be between 0 and 70");
                    errors.Check(doc.ConsultationFee >= 0, "ConsultationFee", "must not be negative");
                }

                break;
            case WorkingHours h:
                errors.Check(h.StartTime < h.EndTime, "EndTime", "must be after the start time");
                break;
            case TimeOff t:
                errors.Check(t.StartsAt < t.EndsAt, "EndsAt", "must be after the start");
                break;
            case Appointment ap:
                var length = ap.EndsAt - ap.StartsAt;
                errors.Check(length >= AppointmentRules.MinimumLength, "EndsAt", "must be at least 5 minutes after the start");
                errors.Check(length <= AppointmentRules.MaximumLength, "EndsAt", "must be at most 8 hours after the start");
                errors.Required(ap.Reason, "Reason");
                errors.Check(ap.Status != AppointmentStatus.Completed || ap.CompletedAt is not null, "CompletedAt", "is required for a completed appointment");
                break;
            case Encounter e:
                errors.Required(e.ChiefComplaint, "ChiefComplaint");
                errors.Check(e.EndedAt is null || e.EndedAt >= e.StartedAt, "EndedAt", "must not be before the start");
                break;
            case VitalSigns v:
                errors.Range(v.TemperatureCelsius, 25m, 45m, "TemperatureCelsius");
                errors.Range(v.SystolicPressure, 40, 300, "SystolicPressure");
                errors.Range(v.DiastolicPressure, 20, 200, "DiastolicPressure");
                errors.Check(v.SystolicPressure is null || v.DiastolicPressure is null || v.SystolicPressure > v.DiastolicPressure, "DiastolicPressure", "must be below the systolic pressure");
                errors.Range(v.PulseRate, 20, 300, "PulseRate");
                errors.Range(v.RespiratoryRate, 4, 80, "RespiratoryRate");
                errors.Range(v.OxygenSaturation, 50, 100, "OxygenSaturation");
                errors.Range(v.WeightKg, 0.3m, 400m, "WeightKg");
                errors.Range(v.HeightCm, 25m, 260m, "HeightCm");
                break;
            case Prescription rx:
                errors.Required(rx.Medication, "Medication");
                errors.Required(rx.Dose, "Dose");
                errors.Required(rx.Frequency, "Frequency");
                errors.Check(rx.Refills is >= 0 and <= 12, "Refills", "must be between 0 and 12");
                errors.Check(rx.DurationDays is null or > 0, "DurationDays", "must be positive");
                break;
            case LabOrder lo:
                errors.Required(lo.TestCode, "TestCode");
                errors.Required(lo.TestName, "TestName");
                break;
            case LabResult lr:
                errors.Required(lr.Analyte, "Analyte");
                errors.Required(lr.Value, "Value");
                errors.Check(lr.ReferenceLow is null || lr.ReferenceHigh is null || lr.ReferenceLow <= lr.ReferenceHigh, "ReferenceHigh", "must not be below the low reference");
                break;
            case LabNote ln:
                errors.Required(ln.Text, "Text");
                break;
            case Admission ad:
                errors.Required(ad.Reason, "Reason");
                errors.Check(ad.DischargedAt is null || ad.DischargedAt >= ad.AdmittedAt, "DischargedAt", "must not be before the admission");
                break;
            case Invoice inv:
                errors.Check(inv.Total >= 0, "Total", "must not be negative");
                errors.Check(inv.AmountPaid >= 0 && inv.AmountPaid <= inv.Total, "AmountPaid", "must be between 0 and the total");
                errors.Check(inv.Status is InvoiceStatus.Draft or InvoiceStatus.Void || inv.IssuedAt is not null, "IssuedAt", "is required once issued");
                errors.Check(inv.Status != InvoiceStatus.Void || !string.IsNullOrWhiteSpace(inv.VoidReason), "VoidReason", "is required to void an invoice");
                errors.Check(inv.VoidReason is null || inv.VoidReason.Length <= 500, "VoidReason", "must be at most 500 characters");
                break;
            case InvoiceLine il:
                errors.Required(il.Description, "Description");
                errors.Check(il.Quantity > 0, "Quantity", "must be positive");
                errors.Check(il.UnitPrice >= 0, "UnitPrice", "must not be negative");
                errors.Check(il.Quantity <= 10_000, "Quantity", "must be at most 10000");
                errors.Check(il.UnitPrice <= 1_000_000m, "UnitPrice", "must be at most 1000000");
                errors.Check(il.Description is null || il.Description.Length <= 200, "Description", "must be at most 200 characters");
                errors.Check(il.Code is null || il.Code.Length <= 20, "Code", "must be at most 20 characters");
                break;
            case Payment pay:
                errors.Check(pay.Amount > 0, "Amount", "must be positive");
                errors.Check(pay.Reference is null || pay.Reference.Length <= 64, "Reference", "must be at most 64 characters");
                break;
            case Refund refund:
                errors.Check(refund.Amount > 0, "Amount", "must be positive");
                errors.Required(refund.Reason, "Reason");
                errors.Check(refund.Reason is null || refund.Reason.Length <= 500, "Reason", "must be at most 500 characters");
                break;
        }

        return errors.List;
    }

    public static void EnsureValid(object entity, DateTime utcNow)
    {
        var errors = Validate(entity, utcNow);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }

    private sealed class Errors(string entity)
    {
        public List<string> List { get; } = [];

        public void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                List.Add($"{entity}.{field}: {message}");
            }
        }

        public void Required(string? value, string field) => Check(!string.IsNullOrWhiteSpace(value), field, "is required");

        public void Phone(string? value, string field) => Check(value is null || PhonePattern().IsMatch(value), field, "is not a phone number");

        public void Email(string? value, string field) =>
            Check(value is null || (MailAddress.TryCreate(value, out var a) && a.Address == value), field, "is not an email address");

        public void Range<T>(T? value, T min, T max, string field)
            where T : struct, IComparable<T> =>
            Check(value is null || (value.Value.CompareTo(min) >= 0 && value.Value.CompareTo(max) <= 0), field, $"must be between {min} and {max}");
    }
}
