using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

[QueryType]
[Authorize(Roles = [Access.Statistics])]
public static class BedOccupancyQueries
{
    [GraphQLDescription("Bed counts by status, for the hospital and per ward, counted by the database in one query (no beds are downloaded). `wardId` narrows it to one ward.")]
    public static async Task<BedOccupancy> GetBedOccupancyAsync([ID<Ward>] int? wardId, HospitalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Beds.AsNoTracking()
            .Where(b => wardId == null || b.WardId == wardId)
            .GroupBy(b => new { b.WardId, b.Status })
            .Select(g => new { g.Key.WardId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var wards = rows.GroupBy(r => r.WardId)
            .Select(w => new WardOccupancy(w.Key, Counts(w.Select(r => (r.Status, r.Count)))))
            .OrderBy(w => w.WardId)
            .ToList();
        return new BedOccupancy(Counts(rows.Select(r => (r.Status, r.Count))), wards);
    }

    private static BedCounts Counts(IEnumerable<(BedStatus Status, int Count)> rows)
    {
        var by = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return new BedCounts(
            by.Values.Sum(),
            by.GetValueOrDefault(BedStatus.Occupied),
            by.GetValueOrDefault(BedStatus.Available),
            by.GetValueOrDefault(BedStatus.Cleaning),
            by.GetValueOrDefault(BedStatus.OutOfService));
    }
}

[GraphQLDescription("How the beds are used, for the hospital and per ward.")]
[Authorize(Roles = [Access.Statistics])]
public sealed record BedOccupancy(BedCounts Beds, IReadOnlyList<WardOccupancy> Wards);

[GraphQLDescription("Bed counts by status.")]
[Authorize(Roles = [Access.Statistics])]
public sealed record BedCounts(int Total, int Occupied, int Available, int Cleaning, int OutOfService)
{
    [GraphQLDescription("Occupied beds as a percentage of all beds (0 when there are none).")]
    public double OccupancyPercent => Total == 0 ? 0 : Math.Round(100.0 * Occupied / Total, 1);
}

[GraphQLDescription("One ward's bed counts.")]
[Authorize(Roles = [Access.Statistics])]
public sealed record WardOccupancy([property: GraphQLIgnore] int WardId, BedCounts Beds);

[ObjectType<WardOccupancy>]
public static class WardOccupancyType
{
    public static async Task<Ward> GetWardAsync([Parent] WardOccupancy occupancy, WardByIdDataLoader wards, CancellationToken cancellationToken) =>
        await wards.LoadAsync(occupancy.WardId, cancellationToken) ?? throw new InvalidOperationException($"Ward {occupancy.WardId} has beds but does not exist.");
}
