using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>
/// What can be done with an invoice in a status (BillingRules decides the same on the server): a draft's lines are
/// edited and it is issued or voided; money is taken while something is owed; payments are refunded once issued; an
/// invoice is voided only while nothing is paid on it.
/// </summary>
public sealed record InvoiceActions(bool Issue, bool EditLines, bool TakePayment, bool Refund, bool Void)
{
    public static InvoiceActions For(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => new(Issue: true, EditLines: true, TakePayment: false, Refund: false, Void: true),
        InvoiceStatus.Issued => new(Issue: false, EditLines: false, TakePayment: true, Refund: true, Void: true),
        InvoiceStatus.PartiallyPaid => new(Issue: false, EditLines: false, TakePayment: true, Refund: true, Void: false),
        InvoiceStatus.Paid => new(Issue: false, EditLines: false, TakePayment: false, Refund: true, Void: false),
        _ => new(Issue: false, EditLines: false, TakePayment: false, Refund: false, Void: false),
    };
}
