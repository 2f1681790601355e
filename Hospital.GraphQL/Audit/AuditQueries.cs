using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Audit;

[QueryType]
[Authorize(Roles = [Access.Audit])]
public static class AuditQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("The audit log, newest first. `patientId`, `userId`, `action` and the range `from` (inclusive) to `to` (exclusive) narrow it; `where` and `order` do the rest.")]
    public static IQueryable<AuditEntry> GetAuditEntries(HospitalDbContext db, [ID<Patient>] int? patientId, int? userId, AuditAction? action, DateTime? from, DateTime? to)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (patientId is { } patient)
        {
            entries = entries.Where(a => a.PatientId == patient);
        }

        if (userId is { } user)
        {
            entries = entries.Where(a => a.UserId == user);
        }

        if (action is { } kind)
        {
            entries = entries.Where(a => a.Action == kind);
        }

        if (from is { } start)
        {
            entries = entries.Where(a => a.OccurredAt >= start.ToUniversalTime());
        }

        if (to is { } end)
        {
            entries = entries.Where(a => a.OccurredAt < end.ToUniversalTime());
        }

        return entries.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id);
    }
}

[ObjectType<AuditEntry>]
[Authorize(Roles = [Access.Audit])]
public static class AuditEntryType;
