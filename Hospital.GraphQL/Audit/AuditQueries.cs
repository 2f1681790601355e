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
    [GraphQLDescription("The audit log, newest first; `patientId` narrows to one patient, `where` and `order` do the rest.")]
    public static IQueryable<AuditEntry> GetAuditEntries(HospitalDbContext db, [ID<Patient>] int? patientId) =>
        db.AuditEntries.AsNoTracking().Where(a => patientId == null || a.PatientId == patientId).OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id);
}

[ObjectType<AuditEntry>]
[Authorize(Roles = [Access.Audit])]
public static class AuditEntryType;
