using System.Text.Json;
using Hospital.Web.Components.Billing;
using Hospital.Web.Components.Loading;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace Hospital.Web.Components.Pages.Billing;

/// <summary>
/// One invoice: its header, lines (edited while a draft) and payments with their refunds, and the steps its status
/// allows. Every change answers with the whole invoice, which the page shows as it is; when someone else's change got
/// in the way, the page loads the invoice again and says so.
/// </summary>
public sealed partial class InvoiceDetail
{
    private QueryLoader<IGetInvoiceResult> loader = null!;
    private IInvoiceDetail? shown;
    private bool loading = true;
    private bool busy;
    private bool editing;
    private string? editedLineId;
    private InvoiceLineModel editedModel = new();
    private string? lineProblem;
    private string? notice;
    private bool conflict;
    private RadzenButton? addLine;
    private bool focusAddLine;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private IGetInvoiceQuery GetInvoice { get; set; } = null!;

    [Inject]
    private IIssueInvoiceMutation IssueInvoice { get; set; } = null!;

    [Inject]
    private IRemoveInvoiceLineMutation RemoveInvoiceLine { get; set; } = null!;

    [Inject]
    private DialogService Dialogs { get; set; } = null!;

    [Inject]
    private NotificationService Notifications { get; set; } = null!;

    [Inject]
    private HospitalTime Time { get; set; } = null!;

    /// <summary>The invoice's JSON as the prerender loaded it, handed to the interactive render.</summary>
    [PersistentState]
    public JsonElement? Prerendered { get; set; }

    private IInvoiceDetail? Invoice => shown;

    private InvoiceActions Actions => InvoiceActions.For(shown!.Status);

    protected override async Task OnParametersSetAsync()
    {
        if (shown?.Id == Id)
        {
            return;
        }

        loader = new(Notifications, "The invoice could not be loaded");
        if (loader.Restore(Prerendered, GetInvoiceResultReader.Read) && loader.Data!.Invoice?.Id == Id)
        {
            shown = loader.Data.Invoice;
            loading = false;
            return;
        }

        await LoadAsync();
        Prerendered = loader.Json;
    }

    private async Task LoadAsync()
    {
        loading = shown is null;
        if (await loader.LoadAsync(ct => GetInvoice.ExecuteAsync(Id, ct)))
        {
            shown = loader.Data!.Invoice;
        }

        loading = false;
    }

    private string Source(IInvoiceDetail invoice) => (invoice.Appointment, invoice.Admission) switch
    {
        ({ } visit, _) => $"Visit {Time.DateTime(visit.StartsAt)} with {visit.Doctor.FullName}",
        (_, { } stay) => stay.DischargedAt is { } left ? $"Stay {Time.Date(stay.AdmittedAt)} to {Time.Date(left)}" : $"Stay since {Time.Date(stay.AdmittedAt)}",
        _ => "Other services",
    };

    // Applies a change's answer: the invoice it returned, or its reasons; a conflict loads the invoice as it is now.
    private async Task<bool> ApplyAsync(InvoiceChange change, string? done = null)
    {
        notice = change.Saved ? null : change.Problem;
        conflict = change.Conflict;
        if (change.Invoice is { } changed)
        {
            shown = changed;
            if (done is not null)
            {
                Notifications.Notify(NotificationSeverity.Success, done, duration: 4000);
            }

            return true;
        }

        if (change.Conflict)
        {
            editing = false;
            await LoadAsync();
        }

        return false;
    }

    private void Edit(IInvoiceDetail_Lines? line)
    {
        editedLineId = line?.Id;
        editedModel = line is null ? new InvoiceLineModel() : InvoiceLineModel.From(line);
        editing = true;
        lineProblem = null;
    }

    private void StopEditing()
    {
        editing = false;
        editedLineId = null;

        // The form is gone: the keyboard goes on from "Add line" rather than from the top of the page.
        focusAddLine = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusAddLine && addLine is not null)
        {
            focusAddLine = false;
            await addLine.Element.FocusAsync();
        }
    }

    private async Task LineSavedAsync(InvoiceChange change)
    {
        if (await ApplyAsync(change))
        {
            StopEditing();
        }
    }

    private async Task RemoveLineAsync(IInvoiceDetail_Lines line)
    {
        busy = true;
        lineProblem = null;
        try
        {
            var change = InvoiceChange.From(await RemoveInvoiceLine.ExecuteAsync(line.Id), r => r.RemoveInvoiceLine.Invoice, r => r.RemoveInvoiceLine.Errors);
            if (!await ApplyAsync(change, $"Removed “{line.Description}”") && !change.Conflict)
            {
                (lineProblem, notice) = (change.Problem, null);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task IssueAsync()
    {
        busy = true;
        try
        {
            var change = InvoiceChange.From(await IssueInvoice.ExecuteAsync(shown!.Id), r => r.IssueInvoice.Invoice, r => r.IssueInvoice.Errors);
            await ApplyAsync(change, $"Invoice {shown.Number} issued");
        }
        finally
        {
            busy = false;
        }
    }

    private async Task TakePaymentAsync()
    {
        var invoice = shown!;
        var change = await Dialogs.OpenAsync<TakePaymentDialog>(
            "Take payment",
            new Dictionary<string, object?> { [nameof(TakePaymentDialog.InvoiceId)] = invoice.Id, [nameof(TakePaymentDialog.Number)] = invoice.Number, [nameof(TakePaymentDialog.Balance)] = invoice.Balance },
            new DialogOptions { Width = "30rem", CloseDialogOnEsc = true });
        if (change is InvoiceChange made)
        {
            await ApplyAsync(made, made.Invoice is { } paid ? $"Payment recorded; {(paid.Balance == 0 ? "the invoice is paid" : $"{InvoiceText.Money(paid.Balance)} still owed")}" : null);
        }
    }

    private async Task RefundAsync(IInvoiceDetail_Payments payment)
    {
        var change = await Dialogs.OpenAsync<RefundDialog>(
            "Refund a payment",
            new Dictionary<string, object?>
            {
                [nameof(RefundDialog.PaymentId)] = payment.Id,
                [nameof(RefundDialog.Paid)] = $"{InvoiceText.Method(payment.Method)} payment of {InvoiceText.Money(payment.Amount)} on {Time.Date(payment.PaidAt)}",
                [nameof(RefundDialog.Refundable)] = InvoicePaymentsTable.Refundable(payment),
            },
            new DialogOptions { Width = "30rem", CloseDialogOnEsc = true });
        if (change is InvoiceChange made)
        {
            await ApplyAsync(made, "Refund recorded");
        }
    }

    private async Task VoidAsync()
    {
        var invoice = shown!;
        var change = await Dialogs.OpenAsync<VoidInvoiceDialog>(
            $"Void invoice {invoice.Number}?",
            new Dictionary<string, object?> { [nameof(VoidInvoiceDialog.InvoiceId)] = invoice.Id, [nameof(VoidInvoiceDialog.Number)] = invoice.Number },
            new DialogOptions { Width = "30rem", CloseDialogOnEsc = true });
        if (change is InvoiceChange made)
        {
            await ApplyAsync(made, $"Invoice {invoice.Number} voided");
        }
    }
}
