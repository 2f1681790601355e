using Hospital.Data.Entities;

namespace Hospital.Data.Domain;

/// <summary>Invoice arithmetic and status: totals are the sum of lines, status follows payments.</summary>
public static class BillingRules
{
    public static string FormatInvoiceNumber(int year, int sequence) => $"INV-{year}-{sequence:D6}";

    /// <summary>Recomputes line amounts, total, amount paid and the status from them (Draft and Void stay as they are).</summary>
    public static void Recalculate(Invoice invoice)
    {
        foreach (var line in invoice.Lines)
        {
            line.Amount = decimal.Round(line.Quantity * line.UnitPrice, 2, MidpointRounding.AwayFromZero);
        }

        invoice.Total = invoice.Lines.Sum(l => l.Amount);
        invoice.AmountPaid = invoice.Payments.Sum(p => p.Refundable);
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return;
        }

        invoice.Status = invoice.AmountPaid switch
        {
            <= 0m => InvoiceStatus.Issued,
            var paid when paid >= invoice.Total => InvoiceStatus.Paid,
            _ => InvoiceStatus.PartiallyPaid,
        };
    }

    public static void Issue(Invoice invoice, DateTime at, DateOnly dueDate)
    {
        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), nameof(InvoiceStatus.Issued));
        }

        if (invoice.Lines.Count == 0)
        {
            throw new DomainValidationException(["Invoice.Lines: an invoice needs at least one line to be issued"]);
        }

        invoice.Status = InvoiceStatus.Issued;
        invoice.IssuedAt = at;
        invoice.DueDate = dueDate;
        Recalculate(invoice);
    }

    public static Payment Pay(Invoice invoice, decimal amount, PaymentMethod method, string? reference, DateTime at)
    {
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid))
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), nameof(InvoiceStatus.Paid));
        }

        if (amount <= 0)
        {
            throw new DomainValidationException(["Payment.Amount: must be positive"]);
        }

        if (amount > invoice.Balance)
        {
            throw new PaymentExceedsBalanceException(invoice.Number, amount, invoice.Balance);
        }

        var payment = new Payment { Amount = amount, Method = method, Reference = reference, PaidAt = at };
        invoice.Payments.Add(payment);
        Recalculate(invoice);
        return payment;
    }

    /// <summary>Voids an invoice nothing has been paid on (refund payments first); a reason is required.</summary>
    public static void Void(Invoice invoice, string reason)
    {
        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid or InvoiceStatus.PartiallyPaid)
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), nameof(InvoiceStatus.Void), invoice.Status == InvoiceStatus.Void ? null : "refund its payments first");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException("void an invoice");
        }

        invoice.Status = InvoiceStatus.Void;
        invoice.VoidReason = reason.Trim();
    }

    /// <summary>Adds a line to a draft invoice.</summary>
    public static InvoiceLine AddLine(Invoice invoice, string description, string? code, int quantity, decimal unitPrice)
    {
        EnsureDraft(invoice);
        var line = new InvoiceLine { Description = description.Trim(), Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim(), Quantity = quantity, UnitPrice = unitPrice };
        EntityValidator.EnsureValid(line, DateTime.UtcNow);
        invoice.Lines.Add(line);
        Recalculate(invoice);
        return line;
    }

    /// <summary>Changes a line of a draft invoice.</summary>
    public static void UpdateLine(Invoice invoice, InvoiceLine line, string description, string? code, int quantity, decimal unitPrice)
    {
        EnsureDraft(invoice);
        var changed = new InvoiceLine { Description = description.Trim(), Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim(), Quantity = quantity, UnitPrice = unitPrice };
        EntityValidator.EnsureValid(changed, DateTime.UtcNow);
        (line.Description, line.Code, line.Quantity, line.UnitPrice) = (changed.Description, changed.Code, changed.Quantity, changed.UnitPrice);
        Recalculate(invoice);
    }

    /// <summary>Takes a line off a draft invoice.</summary>
    public static void RemoveLine(Invoice invoice, InvoiceLine line)
    {
        EnsureDraft(invoice);
        invoice.Lines.Remove(line);
        Recalculate(invoice);
    }

    /// <summary>Gives back part or all of a payment (never more than is left of it); the invoice's status follows.</summary>
    public static Refund Refund(Invoice invoice, Payment payment, decimal amount, string reason, DateTime at)
    {
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), "Refunded");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReasonRequiredException("refund a payment");
        }

        if (amount <= 0)
        {
            throw new DomainValidationException(["Refund.Amount: must be positive"]);
        }

        if (amount > payment.Refundable)
        {
            throw new RefundExceedsPaymentException(amount, payment.Refundable);
        }

        var refund = new Refund { Amount = amount, Reason = reason.Trim(), RefundedAt = at };
        payment.Refunds.Add(refund);
        Recalculate(invoice);
        return refund;
    }

    private static void EnsureDraft(Invoice invoice)
    {
        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), nameof(InvoiceStatus.Draft), "only a draft invoice's lines can change");
        }
    }
}
