namespace Hospital.GraphQL.Billing;

/// <summary>The price list invoices are made from (configuration section <c>Hospital:Billing</c>).</summary>
public sealed class BillingOptions
{
    public const string Section = "Hospital:Billing";

    /// <summary>One inpatient bed day.</summary>
    public decimal BedDayRate { get; set; } = 650m;

    /// <summary>One day of nursing care on a ward.</summary>
    public decimal NursingDayRate { get; set; } = 180m;

    /// <summary>A lab test whose code <see cref="LabTestPrices"/> does not list.</summary>
    public decimal DefaultLabTestPrice { get; set; } = 45m;

    /// <summary>Lab test prices by test code (e.g. <c>CBC</c>).</summary>
    public Dictionary<string, decimal> LabTestPrices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days from issue to the due date when the clerk does not name one.</summary>
    public int PaymentTermDays { get; set; } = 30;

    public decimal LabTestPrice(string code) => LabTestPrices.TryGetValue(code, out var price) ? price : DefaultLabTestPrice;
}
