using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Waitlist;

public static class WaitlistDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, WaitlistEntry>> GetWaitlistEntryByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.WaitlistEntries.AsNoTracking().ByKeysAsync(keys, e => e.Id, cancellationToken);
}
