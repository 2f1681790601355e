using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Audit;

[QueryType]
public static class AuditQueries
{
    [GraphQLDescription("The audit log, newest first, optionally of one patient; at most `take` entries (100 by default, 1000 at most).")]
    public static IQueryable<AuditEntry> GetAuditEntries(HospitalDbContext db, int? patientId, int take = 100)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (patientId is { } id)
        {
            query = query.Where(a => a.PatientId == id);
        }

        return query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000));
    }
}
