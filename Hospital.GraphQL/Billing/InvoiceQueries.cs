using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Billing;

[QueryType]
[Authorize(Roles = [Access.Billing])]
public static class InvoiceQueries
{
    [UsePaging(DefaultPageSize = 20, MaxPageSize = 200)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Invoices, newest first; `patientId` narrows to one patient, `where` and `order` do the rest.")]
    public static IQueryable<Invoice> GetInvoices(HospitalDbContext db, [ID<Patient>] int? patientId) =>
        db.Invoices.AsNoTracking().Where(i => patientId == null || i.PatientId == patientId).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);

    public static Task<Invoice?> GetInvoiceAsync([ID<Invoice>] int id, InvoiceByIdDataLoader invoices, CancellationToken cancellationToken) =>
        invoices.LoadAsync(id, cancellationToken);
}
