namespace Hospital.Data.Entities;

public sealed class Invoice : IVersioned
{
    public int Id { get; set; }

    /// <summary>Human-readable, unique, e.g. <c>INV-2026-000123</c>.</summary>
    public required string Number { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int? EncounterId { get; set; }
    public Encounter? Encounter { get; set; }
    public int? AdmissionId { get; set; }
    public Admission? Admission { get; set; }

    /// <summary>The visit this invoice bills, when it was made from one (one live invoice per visit).</summary>
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;
    public required DateTime CreatedAt { get; set; }
    public DateTime? IssuedAt { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>Sum of the lines, kept in the row so lists and filters need no join; <see cref="Domain.BillingRules"/> keeps it true.</summary>
    public decimal Total { get; set; }
    /// <summary>Payments less refunds; <see cref="Domain.BillingRules"/> keeps it true, the database keeps it within 0..total.</summary>
    public decimal AmountPaid { get; set; }

    /// <summary>Why the invoice was voided (required to void it).</summary>
    public string? VoidReason { get; set; }
    public int Version { get; set; }

    public List<InvoiceLine> Lines { get; init; } = [];
    public List<Payment> Payments { get; init; } = [];

    public decimal Balance => Total - AmountPaid;
}

public sealed class InvoiceLine
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public Invoice? Invoice { get; set; }
    public required string Description { get; set; }
    public string? Code { get; set; }
    public required int Quantity { get; set; }
    public required decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
}

public sealed class Payment
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public Invoice? Invoice { get; set; }
    public required decimal Amount { get; set; }
    public required PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public required DateTime PaidAt { get; set; }

    public List<Refund> Refunds { get; init; } = [];

    /// <summary>What of this payment has not been given back.</summary>
    public decimal Refundable => Amount - Refunds.Sum(r => r.Amount);
}

/// <summary>Money given back from a payment (never more than the payment, always with a reason).</summary>
public sealed class Refund
{
    public int Id { get; set; }
    public int PaymentId { get; set; }
    public Payment? Payment { get; set; }
    public required decimal Amount { get; set; }
    public required string Reason { get; set; }
    public required DateTime RefundedAt { get; set; }
}
