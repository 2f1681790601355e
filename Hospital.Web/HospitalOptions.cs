namespace Hospital.Web;

/// <summary>The hospital as the UI names it: configuration section <c>Hospital</c> (registered by <c>AddHospitalWeb</c>).</summary>
public sealed class HospitalOptions
{
    public const string Section = "Hospital";

    /// <summary>Shown in the app bar, page titles and the sign-in page.</summary>
    public string Name { get; set; } = "City Hospital";

    /// <summary>Minutes after its start a booking nobody checked in is listed on the front desk as a no-show candidate.</summary>
    public int NoShowAfterMinutes { get; set; } = 15;
}
