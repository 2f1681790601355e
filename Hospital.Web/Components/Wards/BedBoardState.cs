using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Wards;

/// <summary>
/// What the bed board shows: the wards in floor order with their beds, the ward and status filters, and the figures.
/// A changed bed is put in its ward (also when it is new to the board or moved from another ward) instead of
/// reloading the board.
/// </summary>
public sealed class BedBoardState
{
    private readonly Dictionary<string, List<IBedTile>> bedsByWard = new(StringComparer.Ordinal);
    private IReadOnlyList<IGetBedBoard_Wards>? wards;

    /// <summary>The wards in floor and name order; null before the first load.</summary>
    public IReadOnlyList<IGetBedBoard_Wards>? Wards => wards;

    public string WardFilter { get; set; } = "";

    public string StatusFilter { get; set; } = "";

    public bool Filtered => WardFilter.Length > 0 || StatusFilter.Length > 0;

    public int TotalBeds => bedsByWard.Values.Sum(b => b.Count);

    public int Occupied => bedsByWard.Values.Sum(b => b.Count(bed => bed.Status == BedStatus.Occupied));

    public void Show(IGetBedBoardResult data)
    {
        wards = [.. data.Wards.OrderBy(w => w.Floor).ThenBy(w => w.Name, StringComparer.CurrentCulture)];
        bedsByWard.Clear();
        foreach (var ward in wards)
        {
            bedsByWard[ward.Id] = [.. ward.Beds];
        }
    }

    /// <summary>The beds of a ward as the board now knows them.</summary>
    /// <summary>Every bed free for a patient now, with a label naming its ward: where a transfer can go.</summary>
    public IReadOnlyList<(string Id, string Label)> FreeBeds() =>
        [.. (Wards ?? []).SelectMany(w => BedsOf(w).Where(b => b.Status == BedStatus.Available).Select(b => (b.Id, $"{w.Name}, bed {b.Label}")))];

    public IReadOnlyList<IBedTile> BedsOf(IGetBedBoard_Wards ward) => bedsByWard.TryGetValue(ward.Id, out var beds) ? beds : [];

    /// <summary>
    /// Puts a changed bed in its ward, taking it out of any other; false when its ward is not on the board (a ward set up
    /// since the board loaded), which only a reload can show.
    /// </summary>
    public bool Apply(IBedTile bed, string wardId)
    {
        if (wards is null || !bedsByWard.TryGetValue(wardId, out var target))
        {
            return false;
        }

        foreach (var beds in bedsByWard.Values)
        {
            beds.RemoveAll(b => b.Id == bed.Id);
        }

        target.Add(bed);
        return true;
    }

    /// <summary>The wards and beds the filters let through, beds by label; a ward with no matching bed is left out.</summary>
    public IEnumerable<(IGetBedBoard_Wards Ward, IReadOnlyList<IBedTile> Beds)> Visible()
    {
        foreach (var ward in wards ?? [])
        {
            if (WardFilter.Length > 0 && ward.Id != WardFilter)
            {
                continue;
            }

            IReadOnlyList<IBedTile> beds = [.. BedsOf(ward)
                .Where(b => StatusFilter.Length == 0 || BedStatusView.Key(b.Status) == StatusFilter)
                .OrderBy(b => b.Label, StringComparer.Ordinal)];
            if (beds.Count > 0)
            {
                yield return (ward, beds);
            }
        }
    }

    /// <summary>How many beds of the chosen ward (or all) have the status: the status filter's counts.</summary>
    public int CountOf(BedStatus status) =>
        (wards ?? []).Where(w => WardFilter.Length == 0 || w.Id == WardFilter).SelectMany(BedsOf).Count(b => b.Status == status);

    public void ClearFilters()
    {
        WardFilter = "";
        StatusFilter = "";
    }
}
