namespace Hospital.Web.Components.Patients;

/// <summary>Addresses of the patient pages, so links and navigation agree on one shape.</summary>
public static class PatientLinks
{
    public static string Chart(string id) => "patients/" + Uri.EscapeDataString(id);

    public static string List(string? search = null) =>
        string.IsNullOrWhiteSpace(search) ? "patients" : "patients?q=" + Uri.EscapeDataString(search);
}
