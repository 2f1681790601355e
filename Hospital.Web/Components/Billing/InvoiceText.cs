using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>Words and links of the billing pages: money, statuses, payment methods, due dates, addresses.</summary>
public static class InvoiceText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"1,234.50": amounts are in the hospital's one currency, always with two decimals.</summary>
    public static string Money(decimal amount) => amount.ToString("N2", Culture);

    /// <summary>An amount as a form field holds it ("1234.50"): no group separators to trip the parser.</summary>
    public static string Field(decimal amount) => amount.ToString("0.00", Culture);

    /// <summary>Reads an amount typed into a form: digits with an optional point and up to two decimals; null otherwise.</summary>
    public static decimal? ParseAmount(string? text)
    {
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal) ?? "";
        return decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, Culture, out var amount) && decimal.Round(amount, 2) == amount ? amount : null;
    }

    public static string Status(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartiallyPaid => "Partly paid",
        _ => Labels.Of(status),
    };

    public static ChipTone Tone(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => ChipTone.Neutral,
        InvoiceStatus.Issued => ChipTone.Info,
        InvoiceStatus.PartiallyPaid => ChipTone.Warning,
        InvoiceStatus.Paid => ChipTone.Success,
        InvoiceStatus.Void => ChipTone.Danger,
        _ => ChipTone.Neutral,
    };

    /// <summary>The ways a payment is taken, in the order the dialog offers them (not the client's unknown value).</summary>
    public static IReadOnlyList<PaymentMethod> Methods { get; } = [PaymentMethod.Cash, PaymentMethod.Card, PaymentMethod.Insurance, PaymentMethod.BankTransfer];

    public static string Method(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Card => "Card",
        PaymentMethod.Insurance => "Insurance",
        PaymentMethod.BankTransfer => "Bank transfer",
        _ => "Other",
    };

    /// <summary>What the reference of a payment by <paramref name="method"/> usually is, as a field hint.</summary>
    public static string ReferenceHint(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Receipt number (optional).",
        PaymentMethod.Card => "Card slip or authorisation code.",
        PaymentMethod.Insurance => "Claim or policy number.",
        _ => "The transfer's reference.",
    };

    /// <summary>Whether money is still owed on an invoice past its due date (issued or partly paid only).</summary>
    public static bool Overdue(InvoiceStatus status, DateOnly? due, DateOnly today) =>
        status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid && due is { } date && date < today;

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Culture) ?? "—";

    /// <summary>The address on a printed invoice, one line each.</summary>
    public static IReadOnlyList<string> Address(IInvoiceDetail_Patient_Address? address) => address is null
        ? []
        : new[] { address.Line1, address.Line2, string.Join(" ", new[] { address.PostalCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p))), string.Join(", ", new[] { address.Region, address.Country }.Where(p => !string.IsNullOrWhiteSpace(p))) }
            .Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line!).ToList();
}

/// <summary>Addresses of the billing pages, so links and navigation agree on one shape.</summary>
public static class InvoiceLinks
{
    public const string List = "invoices";

    public static string Invoice(string id) => "invoices/" + Uri.EscapeDataString(id);

    public static string Print(string id) => Invoice(id) + "/print";
}
