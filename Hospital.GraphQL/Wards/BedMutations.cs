using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

[MutationType]
public static class BedMutations
{
    [GraphQLDescription("Marks a free bed AVAILABLE, CLEANING or OUT_OF_SERVICE (housekeeping, maintenance). An occupied bed changes only through admission and discharge.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    [Authorize(Roles = [Roles.Nurse, Roles.Admin])]
    public static async Task<Bed> SetBedStatusAsync([ID<Bed>] int bedId, BedStatus status, HospitalDbContext db, CancellationToken cancellationToken)
    {
        var bed = await db.Beds.SingleOrNotFoundAsync(b => b.Id == bedId, "bed", bedId, cancellationToken);
        if (status == BedStatus.Occupied || bed.Status == BedStatus.Occupied
            || await db.Admissions.AnyAsync(a => a.BedId == bed.Id && a.DischargedAt == null, cancellationToken))
        {
            throw new InvalidStatusTransitionException($"Bed {bed.Label}", bed.Status.ToString(), status.ToString(), "occupancy follows admissions and discharges");
        }

        bed.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return bed;
    }
}
