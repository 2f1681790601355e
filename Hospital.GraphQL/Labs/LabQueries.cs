using Gql.Server.Projections;
using Gql.Server.Data;
using Gql.Server.Relay;
using Gql.Server.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

[QueryType]
public static class LabQueries
{
    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Lab orders, newest first, optionally by status and patient.")]
    public static IQueryable<LabOrder> GetLabOrders(HospitalDbContext db, LabOrderStatus? status, [ID<Patient>] int? patientId)
    {
        var query = db.LabOrders.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (patientId is { } id)
        {
            query = query.Where(o => o.PatientId == id);
        }

        return query.OrderByDescending(o => o.OrderedAt).ThenBy(o => o.Id);
    }

    public static Task<LabOrder?> GetLabOrderAsync([ID<LabOrder>] int id, LabOrderByIdDataLoader orders, CancellationToken cancellationToken) =>
        orders.LoadAsync(id, cancellationToken);
}
