namespace Hospital.Web.Components.Wards;

/// <summary>What the admission dialog does: admit to a free bed, or move or discharge the patient in an occupied one.</summary>
public enum AdmissionAction
{
    Admit,
    Transfer,
    Discharge,
}
