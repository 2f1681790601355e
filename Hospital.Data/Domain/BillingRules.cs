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
        invoice.AmountPaid = invoice.Payments.Sum(p => p.Amount);
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return;
        }

        invoice.Status = invoice.AmountPaid switch
        {
            0m => InvoiceStatus.Issued,
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

    public static void Void(Invoice invoice)
    {
        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid or InvoiceStatus.PartiallyPaid)
        {
            throw new InvalidStatusTransitionException(nameof(Invoice), invoice.Status.ToString(), nameof(InvoiceStatus.Void));
        }

        invoice.Status = InvoiceStatus.Void;
    }
}
