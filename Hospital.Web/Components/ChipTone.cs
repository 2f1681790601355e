namespace Hospital.Web.Components;

public enum ChipTone
{
    Neutral,
    Info,
    Success,
    Warning,
    Danger,
    Critical,
}
