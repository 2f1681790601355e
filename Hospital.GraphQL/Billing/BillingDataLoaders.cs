using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Billing;

public sealed class InvoiceByIdDataLoader(IDbContextFactory<HospitalDbContext> db) : EntityByKeyDataLoader<Invoice>(db, i => i.Id);

public sealed class InvoicesByPatientIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Invoice>(db, i => i.PatientId, q => q.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id));

public sealed class InvoiceLinesByInvoiceIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<InvoiceLine>(db, l => l.InvoiceId, q => q.OrderBy(l => l.Id));

public sealed class PaymentsByInvoiceIdDataLoader(IDbContextFactory<HospitalDbContext> db)
    : EntitiesByKeyDataLoader<Payment>(db, p => p.InvoiceId, q => q.OrderBy(p => p.PaidAt).ThenBy(p => p.Id));
