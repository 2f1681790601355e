using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.Property(i => i.Total).HasPrecision(12, 2);
        builder.Property(i => i.AmountPaid).HasPrecision(12, 2);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Balance);
        builder.HasOne(i => i.Patient).WithMany(p => p.Invoices).HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Encounter).WithMany().HasForeignKey(i => i.EncounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Admission).WithMany().HasForeignKey(i => i.AdmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Appointment).WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.VoidReason).HasMaxLength(500);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.PatientId, i.CreatedAt });
        builder.HasIndex(i => new { i.Status, i.DueDate });
        // "+ 0" makes SQLite, which keeps decimals as text, compare numbers; elsewhere it is a no-op.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_invoices_total", "total + 0 >= 0");
            t.HasCheckConstraint("ck_invoices_amount_paid", "amount_paid + 0 >= 0 AND amount_paid + 0 <= total + 0");
        });
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.Property(l => l.Description).HasMaxLength(200);
        builder.Property(l => l.Code).HasMaxLength(20);
        builder.Property(l => l.UnitPrice).HasPrecision(12, 2);
        builder.Property(l => l.Amount).HasPrecision(12, 2);
        builder.HasOne(l => l.Invoice).WithMany(i => i.Lines).HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.InvoiceId);
        builder.ToTable(t => t.HasCheckConstraint("ck_invoice_lines_quantity", "quantity > 0"));
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.Reference).HasMaxLength(64);
        builder.HasOne(p => p.Invoice).WithMany(i => i.Payments).HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.InvoiceId, p.PaidAt });
        builder.Ignore(p => p.Refundable);
        builder.ToTable(t => t.HasCheckConstraint("ck_payments_amount", "amount + 0 > 0"));
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.Property(r => r.Amount).HasPrecision(12, 2);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasOne(r => r.Payment).WithMany(p => p.Refunds).HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PaymentId);
        builder.ToTable(t => t.HasCheckConstraint("ck_refunds_amount", "amount + 0 > 0"));
    }
}
