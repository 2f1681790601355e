using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Billing;

/// <summary>
/// The front desk's billing (see BillingRules): an invoice is made from a completed visit or a stay, edited while a
/// draft, issued, paid (in parts, by several methods), refunded and voided. The balance is always total − payments.
/// </summary>
[MutationType]
[Authorize(Roles = [Access.Billing])]
public static class InvoiceMutations
{
    [GraphQLDescription("Makes a draft invoice for a completed visit (the doctor's consultation fee and the lab tests ordered in it) or for a stay (bed and nursing days). Give exactly one of `appointmentId` and `admissionId`.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<AlreadyInvoicedError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Invoice> CreateInvoiceAsync(
        HospitalDbContext db,
        [Service] TimeProvider clock,
        [Service] IOptions<BillingOptions> options,
        CancellationToken cancellationToken,
        [ID<Appointment>] [GraphQLDescription("The completed visit to bill.")] int? appointmentId = null,
        [ID<Admission>] [GraphQLDescription("The stay to bill (to date, while the patient is still admitted).")] int? admissionId = null)
    {
        if (appointmentId is null == admissionId is null)
        {
            throw new DomainValidationException(["Invoice.source: give exactly one of appointmentId and admissionId"]);
        }

        var prices = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        Invoice invoice;
        if (appointmentId is { } visitId)
        {
            var appointment = await db.Appointments.Include(a => a.Doctor).SingleOrNotFoundAsync(a => a.Id == visitId, "appointment", visitId, cancellationToken);
            if (appointment.Status != AppointmentStatus.Completed)
            {
                throw new InvalidStatusTransitionException(nameof(Appointment), appointment.Status.ToString(), "Invoiced", "only a completed visit can be billed");
            }

            var encounter = await db.Encounters.AsNoTracking().Where(e => e.AppointmentId == visitId).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);

            // An invoice from before appointment_id names only the visit's encounter: it bills this visit all the same.
            await EnsureNotInvoicedAsync(db.Invoices.Where(i => i.AppointmentId == visitId || (encounter != null && i.EncounterId == encounter)), cancellationToken);
            invoice = new Invoice { Number = "", PatientId = appointment.PatientId, AppointmentId = visitId, EncounterId = encounter, CreatedAt = now };
            BillingRules.AddLine(invoice, $"Consultation, {appointment.Doctor!.FullName}", "CONS", 1, appointment.Doctor.ConsultationFee);
            if (encounter is { } encounterId)
            {
                var labs = await db.LabOrders.AsNoTracking()
                    .Where(l => l.EncounterId == encounterId && l.Status != LabOrderStatus.Cancelled)
                    .OrderBy(l => l.OrderedAt).Select(l => new { l.TestCode, l.TestName }).ToListAsync(cancellationToken);
                foreach (var lab in labs)
                {
                    BillingRules.AddLine(invoice, lab.TestName, "LAB-" + lab.TestCode, 1, prices.LabTestPrice(lab.TestCode));
                }
            }

            // Two clerks billing the same visit at once: the second save finds the visit changed (ConcurrencyError).
            db.Entry(appointment).Property(a => a.Version).IsModified = true;
        }
        else
        {
            var stayId = admissionId!.Value;
            var admission = await db.Admissions.SingleOrNotFoundAsync(a => a.Id == stayId, "admission", stayId, cancellationToken);
            await EnsureNotInvoicedAsync(db.Invoices.Where(i => i.AdmissionId == stayId), cancellationToken);
            var nights = Math.Max(1, (int)Math.Ceiling(((admission.DischargedAt ?? now) - admission.AdmittedAt).TotalDays));
            invoice = new Invoice { Number = "", PatientId = admission.PatientId, AdmissionId = stayId, CreatedAt = now };
            BillingRules.AddLine(invoice, "Inpatient bed day", "BED", nights, prices.BedDayRate);
            BillingRules.AddLine(invoice, "Nursing care", "NURS", nights, prices.NursingDayRate);
            db.Entry(admission).Property(a => a.Version).IsModified = true;
        }

        db.Invoices.Add(invoice);
        await SaveWithNumberAsync(db, invoice, now.Year, cancellationToken);
        return invoice;
    }

    [GraphQLDescription("Adds a line to a draft invoice.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Invoice> AddInvoiceLineAsync(
        [ID<Invoice>] int invoiceId,
        [GraphQLDescription("What is billed (up to 200 characters).")] string description,
        int quantity,
        [GraphQLDescription("Price of one unit.")] decimal unitPrice,
        HospitalDbContext db,
        CancellationToken cancellationToken,
        [GraphQLDescription("A tariff code (up to 20 characters).")] string? code = null) =>
        ChangeAsync(db, invoiceId, cancellationToken, invoice => BillingRules.AddLine(invoice, description, code, quantity, unitPrice));

    [GraphQLDescription("Changes a line of a draft invoice.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Invoice> UpdateInvoiceLineAsync(
        [ID<InvoiceLine>] int invoiceLineId,
        string description,
        int quantity,
        decimal unitPrice,
        HospitalDbContext db,
        CancellationToken cancellationToken,
        string? code = null)
    {
        var invoiceId = await InvoiceOfLineAsync(db, invoiceLineId, cancellationToken);
        return await ChangeAsync(db, invoiceId, cancellationToken, invoice =>
            BillingRules.UpdateLine(invoice, invoice.Lines.Single(l => l.Id == invoiceLineId), description, code, quantity, unitPrice));
    }

    [GraphQLDescription("Takes a line off a draft invoice.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    public static async Task<Invoice> RemoveInvoiceLineAsync([ID<InvoiceLine>] int invoiceLineId, HospitalDbContext db, CancellationToken cancellationToken)
    {
        var invoiceId = await InvoiceOfLineAsync(db, invoiceLineId, cancellationToken);
        return await ChangeAsync(db, invoiceId, cancellationToken, invoice =>
        {
            var line = invoice.Lines.Single(l => l.Id == invoiceLineId);
            BillingRules.RemoveLine(invoice, line);
            db.InvoiceLines.Remove(line);
        });
    }

    [GraphQLDescription("Issues a draft invoice (DRAFT → ISSUED): its lines are fixed from now on. The due date defaults to the payment term (Hospital:Billing:PaymentTermDays, 30 days).")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Invoice> IssueInvoiceAsync(
        [ID<Invoice>] int invoiceId,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        [Service] IOptions<BillingOptions> options,
        CancellationToken cancellationToken,
        DateOnly? dueDate = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (dueDate is { } due && due < today)
        {
            throw new DomainValidationException(["Invoice.dueDate: must not be in the past"]);
        }

        return ChangeAsync(db, invoiceId, cancellationToken, invoice => BillingRules.Issue(invoice, now, dueDate ?? today.AddDays(options.Value.PaymentTermDays)));
    }

    [GraphQLDescription("Voids an invoice nothing is paid on (refund its payments first); a reason is required.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Invoice> VoidInvoiceAsync([ID<Invoice>] int invoiceId, [GraphQLDescription("Why, for the record (required).")] string reason, HospitalDbContext db, CancellationToken cancellationToken) =>
        ChangeAsync(db, invoiceId, cancellationToken, invoice => BillingRules.Void(invoice, reason));

    [GraphQLDescription("Takes a payment on an issued invoice (cash, card, insurance or bank transfer, with a reference such as a receipt or claim number); never more than the balance.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<PaymentExceedsBalanceError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static Task<Invoice> RecordPaymentAsync(
        [ID<Invoice>] int invoiceId,
        decimal amount,
        PaymentMethod method,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        [GraphQLDescription("A receipt, card slip, claim or transfer reference (up to 64 characters).")] string? reference = null) =>
        ChangeAsync(db, invoiceId, cancellationToken, invoice =>
            BillingRules.Pay(invoice, amount, method, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), clock.GetUtcNow().UtcDateTime));

    [GraphQLDescription("Gives back part or all of a payment, with a reason; the invoice's balance and status follow.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<RefundExceedsPaymentError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    public static async Task<Invoice> RefundPaymentAsync(
        [ID<Payment>] int paymentId,
        decimal amount,
        [GraphQLDescription("Why, for the record (required).")] string reason,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var invoiceId = await db.Payments.Where(p => p.Id == paymentId).Select(p => (int?)p.InvoiceId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("payment", paymentId);
        return await ChangeAsync(db, invoiceId, cancellationToken, invoice =>
            BillingRules.Refund(invoice, invoice.Payments.Single(p => p.Id == paymentId), amount, reason, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Invoice> ChangeAsync(HospitalDbContext db, int invoiceId, CancellationToken cancellationToken, Action<Invoice> change)
    {
        var invoice = await db.Invoices
            .Include(i => i.Lines)
            .Include(i => i.Payments).ThenInclude(p => p.Refunds)
            .AsSplitQuery()
            .SingleOrNotFoundAsync(i => i.Id == invoiceId, "invoice", invoiceId, cancellationToken);
        change(invoice);

        // The invoice row carries the version, so a change to a line or a payment is one change of the invoice.
        db.Entry(invoice).Property(i => i.Version).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
        return invoice;
    }

    private static async Task<int> InvoiceOfLineAsync(HospitalDbContext db, int lineId, CancellationToken cancellationToken) =>
        await db.InvoiceLines.Where(l => l.Id == lineId).Select(l => (int?)l.InvoiceId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("invoice line", lineId);

    private static async Task EnsureNotInvoicedAsync(IQueryable<Invoice> invoices, CancellationToken cancellationToken)
    {
        var existing = await invoices.Where(i => i.Status != InvoiceStatus.Void).Select(i => new { i.Id, i.Number }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new AlreadyInvoicedException(existing.Id, existing.Number);
        }
    }

    /// <summary>
    /// Saves a new invoice with the year's next number (<c>INV-2026-000124</c>). The number is unique in the database: when
    /// another instance takes the same one first, the save is retried with the next.
    /// </summary>
    private static async Task SaveWithNumberAsync(HospitalDbContext db, Invoice invoice, int year, CancellationToken cancellationToken)
    {
        var prefix = BillingRules.FormatInvoiceNumber(year, 0)[..^6];
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Invoices.AsNoTracking().Where(i => i.Number.StartsWith(prefix)).OrderByDescending(i => i.Number).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken);
            var sequence = last is null ? 0 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            invoice.Number = BillingRules.FormatInvoiceNumber(year, sequence + attempt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 5)
            {
                // Most likely the number was taken in the meantime; the next attempt reads the latest again.
            }
        }
    }
}
