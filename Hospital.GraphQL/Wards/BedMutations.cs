using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

[MutationType]
public static class BedMutations
{
    [GraphQLDescription("Marks a free bed AVAILABLE, CLEANING or OUT_OF_SERVICE (housekeeping, maintenance). An occupied bed changes only through admission and discharge.")]
    public static async Task<BedPayload> SetBedStatusAsync(SetBedStatusInput input, HospitalDbContext db, CancellationToken cancellationToken)
    {
        var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == input.BedId, cancellationToken);
        if (bed is null)
        {
            return new BedPayload(null, [new NotFoundError($"There is no bed with id {input.BedId}.")]);
        }

        if (input.Status == BedStatus.Occupied || bed.Status == BedStatus.Occupied
            || await db.Admissions.AnyAsync(a => a.BedId == bed.Id && a.DischargedAt == null, cancellationToken))
        {
            return new BedPayload(null, [new InvalidTransitionError(
                $"Bed {bed.Label} cannot go from {bed.Status} to {input.Status} by hand: occupancy follows admissions and discharges.",
                bed.Status.ToString(),
                input.Status.ToString())]);
        }

        try
        {
            bed.Status = input.Status;
            await db.SaveChangesAsync(cancellationToken);
            return new BedPayload(bed, null);
        }
        catch (Exception e) when (UserErrors.From(e) is { } error)
        {
            return new BedPayload(null, [error]);
        }
    }
}

[GraphQLDescription("Which bed, and its new status.")]
public sealed class SetBedStatusInput
{
    [ID<Bed>]
    public required int BedId { get; init; }

    public required BedStatus Status { get; init; }
}

[GraphQLDescription("The bed as it is after the change, or the errors that prevented it.")]
public sealed record BedPayload(Bed? Bed, IReadOnlyList<IUserError>? Errors);
