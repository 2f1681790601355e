using Hospital.Data.Entities;

namespace Hospital.GraphQL.Patients;

/// <summary>
/// Search as you type over the normalised search columns (<see cref="SearchText"/>): every condition is a prefix range
/// or an equality on an indexed column, so a search seeks instead of scanning lower(...) of every row.
/// </summary>
internal static class PatientSearch
{
    public static IQueryable<Patient> Apply(IQueryable<Patient> patients, string? search)
    {
        var text = SearchText.Normalize(search);
        if (text.Length == 0)
        {
            return patients;
        }

        var end = SearchText.PrefixEnd(text);
        var mrn = search!.Trim().ToUpperInvariant();
        if (mrn.StartsWith("MRN", StringComparison.Ordinal))
        {
            var mrnEnd = SearchText.PrefixEnd(mrn);
            return patients.Where(p => p.Mrn.CompareTo(mrn) >= 0 && p.Mrn.CompareTo(mrnEnd) < 0);
        }

        var digits = SearchText.Digits(search);
        if (digits is not null && digits.Length == text.Replace(" ", "", StringComparison.Ordinal).Length)
        {
            // Only digits: a phone number or the number of an MRN.
            var digitsEnd = SearchText.PrefixEnd(digits);
            var number = "MRN-" + digits;
            var numberEnd = SearchText.PrefixEnd(number);
            return patients.Where(p =>
                (p.SearchPhone!.CompareTo(digits) >= 0 && p.SearchPhone.CompareTo(digitsEnd) < 0)
                || (p.Mrn.CompareTo(number) >= 0 && p.Mrn.CompareTo(numberEnd) < 0));
        }

        return patients.Where(p =>
            (p.SearchName.CompareTo(text) >= 0 && p.SearchName.CompareTo(end) < 0)
            || (p.SearchNameReversed.CompareTo(text) >= 0 && p.SearchNameReversed.CompareTo(end) < 0));
    }

    public static IQueryable<Patient> Duplicates(IQueryable<Patient> patients, string firstName, string lastName, DateOnly dateOfBirth, string? phone, string? email)
    {
        var name = SearchText.Normalize(lastName + " " + firstName);
        // "" matches no row: search_phone and email hold null, never "".
        var digits = SearchText.Digits(phone) ?? "";
        var mail = PatientInput.Email(email) ?? "";
        return patients.Where(p => (p.SearchName == name && p.DateOfBirth == dateOfBirth) || p.SearchPhone == digits || p.Email == mail);
    }
}
