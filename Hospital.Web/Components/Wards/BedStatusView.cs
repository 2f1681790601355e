using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Wards;

/// <summary>How a bed status reads on screen: words and an icon always, colour only as a third cue.</summary>
public static class BedStatusView
{
    public static readonly IReadOnlyList<BedStatus> All = [BedStatus.Available, BedStatus.Occupied, BedStatus.Cleaning, BedStatus.OutOfService];

    public static string Label(BedStatus status) => status switch
    {
        BedStatus.Available => "Available",
        BedStatus.Occupied => "Occupied",
        BedStatus.Cleaning => "Cleaning",
        BedStatus.OutOfService => "Out of service",
        _ => Labels.Of(status),
    };

    public static string Icon(BedStatus status) => status switch
    {
        BedStatus.Available => "check_circle",
        BedStatus.Occupied => "hotel",
        BedStatus.Cleaning => "cleaning_services",
        BedStatus.OutOfService => "block",
        _ => "help",
    };

    public static ChipTone Tone(BedStatus status) => status switch
    {
        BedStatus.Available => ChipTone.Success,
        BedStatus.Occupied => ChipTone.Info,
        BedStatus.Cleaning => ChipTone.Warning,
        BedStatus.OutOfService => ChipTone.Neutral,
        _ => ChipTone.Neutral,
    };

    /// <summary>The value a status has in the filter select and in data-status attributes: "available", "out-of-service".</summary>
    public static string Key(BedStatus status) => Label(status).ToLowerInvariant().Replace(' ', '-');

    public static string KindLabel(WardKind kind) => kind switch
    {
        WardKind.IntensiveCare => "Intensive care",
        _ => Labels.Of(kind),
    };
}
