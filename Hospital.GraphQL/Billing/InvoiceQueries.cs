using Gql.Server.Projections;
using Gql.Server.Data;
using Gql.Server.Relay;
using Gql.Server.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Billing;

[QueryType]
public static class InvoiceQueries
{
    [UsePaging(DefaultPageSize = 20, MaxPageSize = 200)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Invoices, newest first, optionally by status and patient.")]
    public static IQueryable<Invoice> GetInvoices(HospitalDbContext db, InvoiceStatus? status, [ID<Patient>] int? patientId)
    {
        var query = db.Invoices.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        if (patientId is { } id)
        {
            query = query.Where(i => i.PatientId == id);
        }

        return query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
    }

    public static Task<Invoice?> GetInvoiceAsync([ID<Invoice>] int id, InvoiceByIdDataLoader invoices, CancellationToken cancellationToken) =>
        invoices.LoadAsync(id, cancellationToken);
}
