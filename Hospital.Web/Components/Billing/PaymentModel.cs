using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>The "Take payment" form: the amount defaults to what is owed and may never be more.</summary>
public sealed class PaymentModel(decimal balance)
{
    /// <summary>What is owed: the most the payment may be (the API may report a newer one).</summary>
    public decimal Balance { get; set; } = balance;

    public string Amount { get; set; } = InvoiceText.Field(balance);

    public PaymentMethod Method { get; set; } = PaymentMethod.Card;

    public string Reference { get; set; } = "";

    public decimal? ParsedAmount => InvoiceText.ParseAmount(Amount);

    public string? ReferenceOrNull => string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim();

    /// <summary>Messages by field (the API's input names), empty when the payment may be sent.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ParsedAmount is not { } amount || amount <= 0)
        {
            errors["amount"] = "Enter an amount such as 50 or 49.90.";
        }
        else if (amount > Balance)
        {
            errors["amount"] = $"At most the balance, {InvoiceText.Money(Balance)}.";
        }

        if (Reference.Trim().Length > 64)
        {
            errors["reference"] = "At most 64 characters.";
        }

        return errors;
    }
}
