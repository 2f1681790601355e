using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

[QueryType]
[Authorize(Roles = [Access.Clinical])]
public static class LabQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Lab orders, newest first; `patientId` narrows to one patient, `where` and `order` do the rest.")]
    public static IQueryable<LabOrder> GetLabOrders(HospitalDbContext db, [ID<Patient>] int? patientId) =>
        db.LabOrders.AsNoTracking().Where(o => patientId == null || o.PatientId == patientId).OrderByDescending(o => o.OrderedAt).ThenBy(o => o.Id);

    public static Task<LabOrder?> GetLabOrderAsync([ID<LabOrder>] int id, LabOrderByIdDataLoader orders, CancellationToken cancellationToken) =>
        orders.LoadAsync(id, cancellationToken);
}
