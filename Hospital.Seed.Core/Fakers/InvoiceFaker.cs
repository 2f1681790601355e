using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Invoices whose lines, totals, payments and status add up, produced through <see cref="BillingRules"/>.</summary>
internal sealed class InvoiceFaker(SeedContext context)
{
    public const decimal BedDayRate = 650m;
    private int sequence;

    public Invoice ForVisit(Patient patient, Encounter encounter, decimal consultationFee, IEnumerable<LabOrder> labs)
    {
        var invoice = New(patient, encounter.EndedAt ?? encounter.StartedAt);
        invoice.Encounter = encounter;
        invoice.Lines.Add(new InvoiceLine { Description = "Consultation", Code = "CONS", Quantity = 1, UnitPrice = consultationFee });
        foreach (var lab in labs.Where(l => l.Status != LabOrderStatus.Cancelled))
        {
            var panel = ClinicalCatalog.LabPanels.First(p => p.Code == lab.TestCode);
            invoice.Lines.Add(new InvoiceLine { Description = panel.Name, Code = "LAB-" + panel.Code, Quantity = 1, UnitPrice = panel.Price });
        }

        Settle(patient, invoice);
        return invoice;
    }

    public Invoice ForStay(Patient patient, Admission admission)
    {
        var invoice = New(patient, admission.DischargedAt!.Value);
        invoice.Admission = admission;
        var nights = Math.Max(1, (int)Math.Ceiling((admission.DischargedAt.Value - admission.AdmittedAt).TotalDays));
        invoice.Lines.Add(new InvoiceLine { Description = "Inpatient bed day", Code = "BED", Quantity = nights, UnitPrice = BedDayRate });
        invoice.Lines.Add(new InvoiceLine { Description = "Nursing care", Code = "NURS", Quantity = nights, UnitPrice = 180m });
        if (context.Chance(0.5))
        {
            invoice.Lines.Add(new InvoiceLine { Description = "Pharmacy", Code = "PHAR", Quantity = 1, UnitPrice = context.Random.Int(40, 600) });
        }

        Settle(patient, invoice);
        return invoice;
    }

    private Invoice New(Patient patient, DateTime serviceAt) => new()
    {
        Number = BillingRules.FormatInvoiceNumber(serviceAt.Year, ++sequence),
        Patient = patient,
        CreatedAt = serviceAt.AddMinutes(30),
    };

    /// <summary>Issues, pays and voids as much as has happened by now; recent invoices are still drafts.</summary>
    private void Settle(Patient patient, Invoice invoice)
    {
        BillingRules.Recalculate(invoice);
        var issuedAt = invoice.CreatedAt.AddDays(context.Random.Int(1, 3));
        if (issuedAt > context.Now)
        {
            return;
        }

        BillingRules.Issue(invoice, issuedAt, DateOnly.FromDateTime(issuedAt).AddDays(30));
        if (context.Chance(0.03))
        {
            BillingRules.Void(invoice, "Issued in error");
            return;
        }

        var insurerPaysAt = issuedAt.AddDays(context.Random.Int(10, 45));
        if (patient.Insurance is not null && insurerPaysAt <= context.Now && context.Chance(0.92))
        {
            var share = decimal.Round(invoice.Total * context.Random.Decimal(0.6m, 0.9m), 2);
            BillingRules.Pay(invoice, share, PaymentMethod.Insurance, patient.Insurance.PolicyNumber, insurerPaysAt);
        }

        var patientPaysAt = issuedAt.AddDays(context.Random.Int(5, 60));
        if (invoice.Balance > 0 && patientPaysAt <= context.Now && context.Chance(0.85))
        {
            var all = context.Chance(0.85);
            var amount = all ? invoice.Balance : decimal.Round(invoice.Balance * context.Random.Decimal(0.2m, 0.8m), 2);
            if (amount > 0)
            {
                var method = context.Random.WeightedRandom([PaymentMethod.Card, PaymentMethod.Cash, PaymentMethod.BankTransfer], [0.7f, 0.1f, 0.2f]);
                BillingRules.Pay(invoice, amount, method, method == PaymentMethod.Card ? $"AUTH-{context.Random.Int(100000, 999999)}" : null, patientPaysAt);
            }
        }
    }
}
