using Gql.Server.DataLoaders;
using Hospital.Data;
using Hospital.Data.Entities;
using Hospital.GraphQL.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Billing;

/// <summary>Batch methods from which the generator makes this feature's DataLoaders (one query per batch, untracked).</summary>
public static class BillingDataLoaders
{
    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Invoice>> GetInvoiceByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Invoice>().AsNoTracking().ByKeysAsync(keys, i => i.Id, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Invoice>> GetInvoicesByPatientIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Invoice>().AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).GroupedByKeysAsync(keys, i => i.PatientId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, InvoiceLine>> GetInvoiceLinesByInvoiceIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<InvoiceLine>().AsNoTracking().OrderBy(l => l.Id).GroupedByKeysAsync(keys, l => l.InvoiceId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Payment>> GetPaymentsByInvoiceIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().OrderBy(p => p.PaidAt).ThenBy(p => p.Id).GroupedByKeysAsync(keys, p => p.InvoiceId, cancellationToken);

    [DataLoader]
    public static Task<ILookup<int, Refund>> GetRefundsByPaymentIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Refund>().AsNoTracking().OrderBy(r => r.RefundedAt).ThenBy(r => r.Id).GroupedByKeysAsync(keys, r => r.PaymentId, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, InvoiceLine>> GetInvoiceLineByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<InvoiceLine>().AsNoTracking().ByKeysAsync(keys, l => l.Id, cancellationToken);

    [DataLoader]
    public static Task<IReadOnlyDictionary<int, Payment>> GetPaymentByIdAsync(IReadOnlyList<int> keys, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().ByKeysAsync(keys, p => p.Id, cancellationToken);
}
