using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Encounters;
using Hospital.GraphQL.Patients;
using Hospital.GraphQL.Wards;

namespace Hospital.GraphQL.Billing;

[ObjectType<Invoice>]
[Authorize(Roles = [Access.Billing])]
public static class InvoiceType
{
    public static void Configure(ObjectTypeConfiguration<Invoice> type) => type.Ignore(i => i.PatientId).Ignore(i => i.EncounterId).Ignore(i => i.AdmissionId).Ignore(i => i.AppointmentId).Ignore(i => i.Balance);

    public static void ConfigureFiltering(FilterConfiguration<Invoice> filter) => filter.BindFieldsExplicitly()
        .Field(i => i.Number).Field(i => i.Status).Field(i => i.DueDate).Field(i => i.CreatedAt).Field(i => i.Total).Field(i => i.AmountPaid).Field(i => i.Patient);

    public static void ConfigureSorting(SortConfiguration<Invoice> sort) => sort.BindFieldsExplicitly().Field(i => i.CreatedAt).Field(i => i.DueDate).Field(i => i.Number).Field(i => i.Total);

    [GraphQLDescription("What is still owed: total minus payments.")]
    [Requires(nameof(Invoice.Total), nameof(Invoice.AmountPaid))]
    public static decimal GetBalance([Parent] Invoice invoice) => invoice.Balance;

    [NodeResolver]
    public static Task<Invoice?> GetInvoiceByIdAsync(int id, InvoiceByIdDataLoader invoices, CancellationToken cancellationToken) => invoices.LoadAsync(id, cancellationToken);

    public static async Task<Patient> GetPatientAsync([Parent] Invoice invoice, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        (await patients.LoadAsync(invoice.PatientId, cancellationToken))!;

    public static async Task<Encounter?> GetEncounterAsync([Parent] Invoice invoice, EncounterByIdDataLoader encounters, CancellationToken cancellationToken) =>
        invoice.EncounterId is { } id ? await encounters.LoadAsync(id, cancellationToken) : null;

    public static async Task<Admission?> GetAdmissionAsync([Parent] Invoice invoice, AdmissionByIdDataLoader admissions, CancellationToken cancellationToken) =>
        invoice.AdmissionId is { } id ? await admissions.LoadAsync(id, cancellationToken) : null;

    [GraphQLDescription("The visit this invoice bills, when it was made from one.")]
    public static async Task<Appointment?> GetAppointmentAsync(
        [Parent] Invoice invoice,
        Appointments.AppointmentByIdDataLoader appointments,
        EncounterByIdDataLoader encounters,
        CancellationToken cancellationToken)
    {
        // Invoices from before appointment_id (schema step 5) name only the visit's encounter: the visit is the encounter's.
        var id = invoice.AppointmentId
            ?? (invoice.EncounterId is { } encounterId ? (await encounters.LoadAsync(encounterId, cancellationToken))?.AppointmentId : null);
        return id is { } visitId ? await appointments.LoadAsync(visitId, cancellationToken) : null;
    }

    public static Task<InvoiceLine[]> GetLinesAsync([Parent] Invoice invoice, InvoiceLinesByInvoiceIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(invoice.Id, cancellationToken);

    public static Task<Payment[]> GetPaymentsAsync([Parent] Invoice invoice, PaymentsByInvoiceIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(invoice.Id, cancellationToken);
}

[ObjectType<InvoiceLine>]
[Authorize(Roles = [Access.Billing])]
public static class InvoiceLineType
{
    public static void Configure(ObjectTypeConfiguration<InvoiceLine> type) => type.Ignore(l => l.Invoice).Ignore(l => l.InvoiceId);

    [NodeResolver]
    public static Task<InvoiceLine?> GetInvoiceLineByIdAsync(int id, InvoiceLineByIdDataLoader lines, CancellationToken cancellationToken) => lines.LoadAsync(id, cancellationToken);
}

[ObjectType<Payment>]
[Authorize(Roles = [Access.Billing])]
public static class PaymentType
{
    public static void Configure(ObjectTypeConfiguration<Payment> type) => type.Ignore(p => p.Invoice).Ignore(p => p.InvoiceId).Ignore(p => p.Refundable);

    [NodeResolver]
    public static Task<Payment?> GetPaymentByIdAsync(int id, PaymentByIdDataLoader payments, CancellationToken cancellationToken) => payments.LoadAsync(id, cancellationToken);

    [GraphQLDescription("Money given back from this payment, oldest first.")]
    public static Task<Refund[]> GetRefundsAsync([Parent] Payment payment, RefundsByPaymentIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(payment.Id, cancellationToken);
}

[ObjectType<Refund>]
[Authorize(Roles = [Access.Billing])]
public static class RefundType
{
    public static void Configure(ObjectTypeConfiguration<Refund> type) => type.Ignore(r => r.Payment).Ignore(r => r.PaymentId);
}
