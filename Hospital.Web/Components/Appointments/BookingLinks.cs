using System.Globalization;

namespace Hospital.Web.Components.Appointments;

/// <summary>The booking panel's address, carrying what the page that links to it already knows.</summary>
public static class BookingLinks
{
    /// <summary>Who may book (the API's rule: doctors only in their own schedule).</summary>
    public const string Roles = global::Hospital.Data.Entities.Roles.Admin + "," + global::Hospital.Data.Entities.Roles.Receptionist + "," + global::Hospital.Data.Entities.Roles.Doctor;

    public static string For(string? patientId = null, string? departmentCode = null, string? doctorId = null, DateOnly? date = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("patient", patientId);
        Add("department", departmentCode);
        Add("doctor", doctorId);
        Add("date", date is { } day && day != DateOnly.MinValue ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        return query.Count == 0 ? "appointments/book" : "appointments/book?" + string.Join('&', query);
    }
}
