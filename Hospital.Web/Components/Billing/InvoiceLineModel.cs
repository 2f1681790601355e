using System.Globalization;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>An invoice line as its form holds it (text as typed), with the rules the API applies checked first.</summary>
public sealed class InvoiceLineModel
{
    public string Description { get; set; } = "";

    public string Code { get; set; } = "";

    public string Quantity { get; set; } = "1";

    public string UnitPrice { get; set; } = "";

    public static InvoiceLineModel From(IInvoiceDetail_Lines line) => new()
    {
        Description = line.Description,
        Code = line.Code ?? "",
        Quantity = line.Quantity.ToString(CultureInfo.InvariantCulture),
        UnitPrice = InvoiceText.Field(line.UnitPrice),
    };

    public int? ParsedQuantity => int.TryParse(Quantity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) ? quantity : null;

    public decimal? ParsedUnitPrice => InvoiceText.ParseAmount(UnitPrice);

    public string? CodeOrNull => string.IsNullOrWhiteSpace(Code) ? null : Code.Trim();

    /// <summary>Messages by field (the API's input names), empty when the line may be sent.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors["description"] = "Enter what is billed.";
        }
        else if (Description.Trim().Length > 200)
        {
            errors["description"] = "At most 200 characters.";
        }

        if (Code.Trim().Length > 20)
        {
            errors["code"] = "At most 20 characters.";
        }

        if (ParsedQuantity is not { } quantity || quantity < 1 || quantity > 10_000)
        {
            errors["quantity"] = "A whole number from 1 to 10,000.";
        }

        if (ParsedUnitPrice is not { } price || price > 1_000_000m)
        {
            errors["unitPrice"] = "An amount such as 80 or 80.50, at most 1,000,000.";
        }

        return errors;
    }
}
