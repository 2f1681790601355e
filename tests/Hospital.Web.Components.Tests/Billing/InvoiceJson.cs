using System.Globalization;

namespace Hospital.Web.Components.Tests.Billing;

/// <summary>An invoice as the API answers with it (the InvoiceDetail fragment), for scripted mutations.</summary>
internal static class InvoiceJson
{
    public const string InvoiceId = "SW52b2ljZTo0Mg==";

    public static string Detail(string status, decimal total, decimal paid) =>
        $$"""
        {"id":"{{InvoiceId}}","number":"INV-2026-000042","status":"{{status}}","createdAt":"2026-11-18T09:00:00Z","issuedAt":"2026-11-18T09:10:00Z",
         "dueDate":"2026-12-18","total":{{Number(total)}},"amountPaid":{{Number(paid)}},"balance":{{Number(total - paid)}},"voidReason":null,"version":3,
         "patient":{"id":"UGF0aWVudDox","mrn":"MRN-0000001","fullName":"Ada Lovelace","dateOfBirth":"1980-12-10","address":null,"insurance":null},
         "appointment":null,"admission":null,
         "lines":[{"id":"SW52b2ljZUxpbmU6MQ==","description":"Consultation","code":"CONS","quantity":1,"unitPrice":{{Number(total)}},"amount":{{Number(total)}}}],
         "payments":[]}
        """;

    /// <summary>A mutation's payload: the invoice, or the errors (JSON objects with their __typename).</summary>
    public static string Payload(string field, string? invoice, params string[] errors) =>
        $$$"""{"{{{field}}}":{"invoice":{{{invoice ?? "null"}}},"errors":{{{(errors.Length == 0 ? "null" : "[" + string.Join(",", errors) + "]")}}}}}""";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
